import KernelCommand from '#plugin_kernel/kernel_command'
import type { PatchStatus as Status } from '#plugin_kernel/patch_runner'

export default class PatchStatus extends KernelCommand {
  static commandName = 'patch:status'
  static description =
    'List the core and plugin patches: pending, applied, failed, changed since applied, reverted, superseded or not affected'
  static help = [
    'For a hot-fix (a patch declaring an advisory or the versions it `affects`), the Fixes column names the advisory and the component with its installed version.',
    'States: pending, failed (to apply again), applied, changed (its file changed since), reverted (patch:revert), superseded (the installed version contains the fix: it never runs), not affected (nothing to fix on the installed version).',
    '{{ binaryName }} patch:status',
  ]

  async run() {
    const { patches } = await this.pluginKernel()
    const statuses = await patches.status()
    if (!statuses.length) {
      this.logger.info('No patch shipped by the core or the installed plugins')
      return
    }
    const table = this.ui.table()
    table.head(['Owner', 'Patch', 'Severity', 'State', 'Fixes', 'Description'])
    for (const patch of statuses) {
      table.row([
        patch.owner,
        patch.id,
        patch.severity,
        patch.state.replace('_', ' '),
        fixes(patch),
        patch.error ? `${patch.description} (${patch.error})` : patch.description,
      ])
    }
    table.render()
  }
}

/** "GHSA-… on fixture-guarded 1.0.0 (>=1.0.0 <1.0.1)", or "" for a plain patch. */
function fixes(patch: Status) {
  if (!patch.advisory && !patch.affects) return ''
  const installed = patch.installedVersion
    ? `${patch.target} ${patch.installedVersion}`
    : `${patch.target} (not installed)`
  const range = patch.affects ? ` (${patch.affects})` : ''
  return `${patch.advisory ?? 'fix'} on ${installed}${range}`
}
