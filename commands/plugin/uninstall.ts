import { args, flags } from '@adonisjs/core/ace'
import KernelCommand from '#plugin_kernel/kernel_command'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

export default class PluginUninstall extends KernelCommand {
  static commandName = 'plugin:uninstall'
  static description =
    'Uninstall a plugin: run its uninstall hook and drop its tables (unless --keep-data); its files stay in plugins/'

  @args.string({ description: 'Name of the installed plugin' })
  declare name: string

  @flags.boolean({ description: 'Keep its tables and data, to install it again later' })
  declare keepData: boolean

  @flags.boolean({ description: 'Do not ask before dropping its tables' })
  declare force: boolean

  async run() {
    await this.guarded(async () => {
      const { lifecycle } = await this.pluginKernel()
      if (!this.keepData) {
        const tables = await lifecycle.tablesOf(this.name)
        if (tables.length) {
          this.logger.info(`Tables that will be dropped: ${tables.join(', ')}`)
          if (!this.force && !(await this.prompt.confirm('Drop these tables and their data?'))) {
            this.logger.info('Nothing was changed')
            return
          }
        }
      }
      const result = await lifecycle.uninstall(this.name, {
        actor: cliActor(),
        keepData: this.keepData,
      })
      if (result.status === 'not_installed') {
        this.logger.info(`${this.name} is not installed: nothing to do`)
        return
      }
      if (result.reverted.length)
        this.logger.info(`migrations rolled back: ${result.reverted.join(', ')}`)
      this.logger.success(`${this.name} uninstalled${this.keepData ? ' (data kept)' : ''}`)
    })
  }
}
