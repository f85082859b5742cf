import { args, flags } from '@adonisjs/core/ace'
import KernelCommand from '#plugin_kernel/kernel_command'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

export default class PluginUpgrade extends KernelCommand {
  static commandName = 'plugin:upgrade'
  static description =
    'Upgrade an installed plugin to the version in a source (folder, .tgz or npm package), or to the files already in plugins/<name>'
  static help = [
    "Installs the new version's npm dependencies through the app's npm workspace, runs its new migrations, its upgrade hook and its pending patches.",
    'On failure, everything is put back: the previous files, package.json, package-lock.json, node_modules and tables.',
    'An npm source is name, @scope/name, name@1.2.0, name@^1.2.0 or name@next, downloaded by npm pack with your npm configuration.',
    '{{ binaryName }} plugin:upgrade shipping-table-rates ./shipping-table-rates-1.1.0.tgz --dry-run',
    '{{ binaryName }} plugin:upgrade comptoir-shipping-colissimo @acme/comptoir-shipping-colissimo@^1.3.0',
  ]

  @args.string({ description: 'Name of the installed plugin' })
  declare name: string

  @args.string({
    description: 'Folder, .tgz or npm package (name, name@version, name@range) of the new version',
    required: false,
  })
  declare source?: string

  @flags.boolean({
    description:
      'Check compatibility and list the npm dependencies, migrations and hooks it would run, without changing anything',
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
