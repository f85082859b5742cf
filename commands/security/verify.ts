import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Compares the files on disk with the baseline, for cron: exit code 1 when a
 * file changed, appeared or disappeared.
 */
export default class SecurityVerify extends BaseCommand {
  static commandName = 'security:verify'
  static description =
    'Compare the files of the core and plugin folders with the baseline; exit 1 when a file changed, was added or removed'
  static help = [
    'Lists every file changed (checksum differs), added (not in the baseline: the usual injected skimmer) or removed, per component.',
    'A plugin folder without baseline (installed or not: a dropped-in folder loads at boot) is a finding too; with no baseline at all, run security:baseline first (exit 1).',
    'The result is recorded and shown on the Security page and in the PCI-DSS evidence export.',
    'Exit code 0 when every file is as recorded, 1 otherwise.',
    '{{ binaryName }} security:verify',
    '{{ binaryName }} security:verify --json',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Print a machine-readable JSON result' })
  declare json: boolean

  async run() {
    const { default: PluginKernel } = await import('#plugin_kernel/plugin_kernel')
    const { cliActor } = await import('#plugin_kernel/plugin_lifecycle')
    const kernel = await this.app.container.make(PluginKernel)
    const check = await kernel.integrity.verify(cliActor().label)
    this.exitCode = check.status === 'ok' ? 0 : 1

    if (this.json) {
      const { checkedAt, status, filesChecked, durationMs, changes, unbaselined } = check
      const result = { checkedAt: checkedAt.toISO(), status, filesChecked, durationMs }
      this.logger.log(JSON.stringify({ ...result, changes, unbaselined }, null, 2))
      return
    }
    if (check.status === 'no_baseline') {
      this.logger.error('no baseline recorded: run security:baseline')
      return
    }
    for (const change of check.changes) {
      this.logger.error(`${change.change}: ${change.component} ${change.path}`)
    }
    for (const component of check.unbaselined) {
      this.logger.error(`no baseline for ${component}: run security:baseline`)
    }
    const summary = `${check.filesChecked} files checked in ${check.durationMs} ms`
    if (check.status === 'ok') this.logger.success(`${summary}: all as recorded`)
    else this.logger.error(`${summary}: ${check.changes.length} differ from the baseline`)
  }
}
