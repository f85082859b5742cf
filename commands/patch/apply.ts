import { args, flags } from '@adonisjs/core/ace'
import KernelCommand, { patchDecision } from '#plugin_kernel/kernel_command'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

export default class PatchApply extends KernelCommand {
  static commandName = 'patch:apply'
  static description =
    'Apply one patch ("owner/id") or, with --all, every pending patch; a hot-fix runs only on an affected version'
  static help = [
    'A patch declaring `affects` (a semver range of the core or of a plugin) runs only when the installed version is in the range.',
    'Past the range the installed version already contains the fix: the patch is recorded superseded and never runs. Below it, or for a plugin not installed, it is recorded skipped and looked at again after an upgrade.',
    'A reverted patch is applied again only when named.',
    '{{ binaryName }} patch:apply --all',
    '{{ binaryName }} patch:apply core/2026_11_24_fix_vat_rates',
    '{{ binaryName }} patch:apply security-hotfixes/2026_11_25_search_query_limits',
  ]

  @args.string({ description: 'Patch to apply: "owner/id", or "id" when unique', required: false })
  declare id?: string

  @flags.boolean({ description: 'Apply every pending patch' })
  declare all: boolean

  async run() {
    const { patches } = await this.pluginKernel()
    const actor = cliActor()
    if (this.all === Boolean(this.id)) {
      this.logger.error('Give either a patch id or --all')
      this.exitCode = 1
      return
    }
    const outcomes = this.id
      ? [await patches.applyOne(this.id, actor)]
      : await patches.applyPending(actor)
    if (!outcomes.length) this.logger.info('No pending patch: nothing to do')
    for (const outcome of outcomes) {
      if (outcome === null) {
        this.logger.error(`No patch "${this.id}" (see patch:status)`)
        this.exitCode = 1
      } else if (outcome === 'already_applied') {
        this.logger.info(`${this.id} is already applied: nothing to do`)
      } else if (outcome.outcome === 'applied') {
        this.logger.success(`applied ${outcome.owner}/${outcome.id}`)
      } else if (outcome.outcome === 'failed') {
        this.logger.error(
          `${outcome.owner}/${outcome.id} failed, nothing it did was kept: ${outcome.error}`
        )
        this.exitCode = 1
      } else {
        this.logger.info(patchDecision(outcome))
      }
    }
  }
}
