import { args, flags } from '@adonisjs/core/ace'
import KernelCommand from '#plugin_kernel/kernel_command'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

export default class PluginInstall extends KernelCommand {
  static commandName = 'plugin:install'
  static description =
    'Install a plugin from a folder, a .tgz or an npm package: copy it into plugins/, check it, run its migrations and install hook'
  static help = [
    'The plugin is installed disabled; enable it with plugin:enable once its settings are filled.',
    '{{ binaryName }} plugin:install ./vendor/shipping-colissimo',
    '{{ binaryName }} plugin:install shipping-colissimo-1.2.0.tgz --dry-run',
  ]

  @args.string({ description: 'Plugin folder, .tgz file or npm package name' })
  declare source: string

  @flags.boolean({
    description: 'Check compatibility and list what would run, without changing anything',
  })
  declare dryRun: boolean

  async run() {
    await this.guarded(async () => {
      const { lifecycle } = await this.pluginKernel()
      this.report(await lifecycle.install(this.source, { actor: cliActor(), dryRun: this.dryRun }))
    })
  }
}
