import { args, flags } from '@adonisjs/core/ace'
import KernelCommand from '#plugin_kernel/kernel_command'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

export default class PluginUpgrade extends KernelCommand {
  static commandName = 'plugin:upgrade'
  static description =
    'Upgrade an installed plugin to the version in a source, or to the files already in plugins/<name>'
  static help = [
    "Runs the new version's migrations, its upgrade hook and its pending patches; on failure, everything is put back.",
    '{{ binaryName }} plugin:upgrade shipping-table-rates ./shipping-table-rates-1.1.0.tgz --dry-run',
  ]

  @args.string({ description: 'Name of the installed plugin' })
  declare name: string

  @args.string({ description: 'Folder, .tgz or npm package of the new version', required: false })
  declare source?: string

  @flags.boolean({
    description: 'Check compatibility and list what would run, without changing anything',
  })
  declare dryRun: boolean

  async run() {
    await this.guarded(async () => {
      const { lifecycle } = await this.pluginKernel()
      this.report(
        await lifecycle.upgrade(this.name, this.source, { actor: cliActor(), dryRun: this.dryRun })
      )
    })
  }
}
