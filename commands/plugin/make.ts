import { args } from '@adonisjs/core/ace'
import KernelCommand from '#plugin_kernel/kernel_command'
import { scaffoldPlugin } from '#plugin_kernel/plugin_scaffold'
import { coreVersion } from '#plugin_kernel/plugin_registry'

export default class PluginMake extends KernelCommand {
  static commandName = 'plugin:make'
  static description =
    'Create a new plugin folder in plugins/: manifest, an example shipping method, translations, a test and a README'
  static help = [
    '{{ binaryName }} plugin:make shipping-coursier',
    'Then: {{ binaryName }} plugin:install plugins/shipping-coursier',
  ]

  @args.string({ description: 'Plugin name: lower-case letters, digits and dashes' })
  declare name: string

  async run() {
    await this.guarded(async () => {
      const { directory } = await this.pluginKernel()
      const { folder, files } = await scaffoldPlugin(directory.root, this.name, coreVersion())
      for (const file of files) this.logger.action(`create ${file}`).succeeded()
      this.logger.success(
        `Created ${folder}; run npm install to register it as a workspace, then plugin:install`
      )
    })
  }
}
