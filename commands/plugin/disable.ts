import { args } from '@adonisjs/core/ace'
import KernelCommand from '#plugin_kernel/kernel_command'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

export default class PluginDisable extends KernelCommand {
  static commandName = 'plugin:disable'
  static description =
    'Disable a plugin: the shop stops offering its providers; its data and settings stay'

  @args.string({ description: 'Name of the installed plugin' })
  declare name: string

  async run() {
    await this.guarded(async () => {
      const { lifecycle } = await this.pluginKernel()
      const result = await lifecycle.disable(this.name, cliActor())
      if (result.status === 'already') this.logger.info(`${this.name} is already disabled`)
      else this.logger.success(`${this.name} disabled`)
    })
  }
}
