import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Records the checksums security:verify compares the disk with. Run it after
 * every deployment: a new release changes the core's files.
 */
export default class SecurityBaseline extends BaseCommand {
  static commandName = 'security:baseline'
  static description =
    'Record the SHA-256 of the files the core and every plugin folder run, as the baseline security:verify checks'
  static help = [
    'Core: the app folder entries .adonisjs, app, bin, commands, config, database, providers, start, resources/views, resources/public/js, ace.js, adonisrc.ts|js and package.json. In production the app folder is the build output (build/), in a source checkout the sources.',
    'Plugins: every file of each folder of plugins/, installed or not (the web process loads every compatible folder at boot for its routes). Never tracked: node_modules, tests, tmp, storage.',
    'Replaces the previous baseline. plugin:install and plugin:upgrade record their plugin themselves; plugin:uninstall forgets it, so security:verify reports its folder until it is removed or the baseline is recorded again.',
    'Run it after each deployment of the core, then security:verify from cron.',
    '{{ binaryName }} security:baseline',
  ]
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: PluginKernel } = await import('#plugin_kernel/plugin_kernel')
    const { cliActor } = await import('#plugin_kernel/plugin_lifecycle')
    const kernel = await this.app.container.make(PluginKernel)
    const result = await kernel.integrity.baseline(cliActor().label)
    for (const component of result.components) {
      this.logger.info(`${component.name} ${component.version}: ${component.files} files`)
    }
    const total = result.components.reduce((sum, component) => sum + component.files, 0)
    this.logger.success(`baseline recorded: ${total} files in ${result.durationMs} ms`)
  }
}
