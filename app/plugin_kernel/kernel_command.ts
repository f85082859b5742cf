import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import PluginException from '#exceptions/plugin_exception'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import type { InstallResult } from '#plugin_kernel/plugin_lifecycle'
import type { PatchOutcome } from '#plugin_kernel/patch_runner'
import WorkspaceDependencies from '#plugin_kernel/workspace_dependencies'

/** Why a patch did not run: the installed version does not need it. */
export function patchDecision(outcome: PatchOutcome & { outcome: 'superseded' | 'skipped' }) {
  const reference = `${outcome.owner}/${outcome.id}`
  if (outcome.outcome === 'superseded') {
    return `${reference} superseded: ${outcome.target} ${outcome.installedVersion} already contains the fix (it fixes ${outcome.affects}); it will not run`
  }
  const installed = outcome.installedVersion
    ? `${outcome.target} ${outcome.installedVersion} is not affected`
    : `${outcome.target} is not installed`
  return `${reference} skipped: ${installed} (it fixes ${outcome.affects})`
}

/**
 * Base of the `plugin:*` and `patch:*` commands: they share the kernel and
 * turn the kernel's refusals into one error line and a non-zero exit code.
 */
export default abstract class KernelCommand extends BaseCommand {
  static options: CommandOptions = { startApp: true }

  protected pluginKernel() {
    return this.app.container.make(PluginKernel)
  }

  /** Runs the command's work, reporting a kernel refusal instead of a stack trace. */
  protected async guarded(work: () => Promise<void>) {
    try {
      await work()
    } catch (error) {
      // One line an agency can act on; the stack helps only in a bug report.
      const known = error instanceof PluginException
      this.logger.error(known ? error.message : `Unexpected failure: ${(error as Error).message}`)
      if (!known) this.logger.debug((error as Error).stack ?? '')
      this.exitCode = 1
    }
  }

  /** Prints what an install or upgrade did or, with --dry-run, would do. */
  protected report(result: InstallResult) {
    if (result.status === 'already_installed') {
      this.logger.info(
        `${result.pkg.name} ${result.pkg.version} is already installed: nothing to do`
      )
      return
    }
    const { plan } = result
    const verb = result.status === 'planned' ? 'would run' : 'ran'
    const from = plan.fromVersion ? ` (from ${plan.fromVersion})` : ''
    this.logger.info(
      `${plan.pkg.name} ${plan.pkg.version}${from}: compatible with this core and the installed plugins`
    )
    const dependencies = WorkspaceDependencies.of(plan.pkg).join(', ') || 'none'
    const installs = result.status === 'planned' ? 'it would install' : 'installed'
    this.logger.info(`npm dependencies ${installs}: ${dependencies}`)
    this.logger.info(`migrations ${verb}: ${plan.migrations.join(', ') || 'none'}`)
    const hooks = plan.hooks
      ? plan.hooks.join(', ') || 'none'
      : 'known once its npm dependencies are installed'
    this.logger.info(`hooks ${verb}: ${hooks}`)
    if (result.status === 'planned') {
      this.logger.info(`patches that would be applied: ${plan.patches.join(', ') || 'none'}`)
      this.logger.info('dry run: nothing was changed')
      return
    }
    for (const patch of result.patches) {
      if (patch.outcome === 'applied') this.logger.info(`patch applied: ${patch.id}`)
      else if (patch.outcome === 'failed')
        this.logger.warning(`patch ${patch.id} failed and stays pending: ${patch.error}`)
      else this.logger.info(patchDecision(patch))
    }
    this.logger.success(
      `${plan.pkg.name} ${plan.pkg.version} ${result.status}${result.status === 'installed' ? ' (disabled: run plugin:enable)' : ''}`
    )
  }
}
