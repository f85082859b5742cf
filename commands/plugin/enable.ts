import { args } from '@adonisjs/core/ace'
import KernelCommand from '#plugin_kernel/kernel_command'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

export default class PluginEnable extends KernelCommand {
  static commandName = 'plugin:enable'
  static description =
    'Enable an installed plugin (refused while it is incompatible or its settings are invalid)'

  @args.string({ description: 'Name of the installed plugin' })
  declare name: string

  async run() {
    await this.guarded(async () => {
      const { lifecycle } = await this.pluginKernel()
      const result = await lifecycle.enable(this.name, cliActor())
      if (result.status === 'already') this.logger.info(`${this.name} is already enabled`)
      else this.logger.success(`${this.name} enabled`)
    })
  }
}
