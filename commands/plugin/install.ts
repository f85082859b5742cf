import { args, flags } from '@adonisjs/core/ace'
import KernelCommand from '#plugin_kernel/kernel_command'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

export default class PluginInstall extends KernelCommand {
  static commandName = 'plugin:install'
  static description =
    'Install a plugin from a folder, a .tgz or the npm registry: check it, copy it into plugins/, install its npm dependencies, run its migrations and install hook'
  static help = [
    'The source is a plugin folder, a .tgz made by npm pack, or a package of the npm registry: name, @scope/name, name@1.2.0, name@^1.2.0 or name@next.',
    'npm pack downloads a package with your npm configuration (registry, scopes, tokens); @acme/shipping-x installs as the plugin shipping-x.',
    "The plugin's own npm dependencies are installed through the app's npm workspace (npm install --workspace plugins/<name>) and recorded in package-lock.json.",
    'If a step fails, the steps before it are undone: plugin folder, package.json, package-lock.json, node_modules and tables are put back.',
    '--dry-run checks compatibility and lists the npm dependencies, migrations and hooks it would run, without changing anything.',
    'The plugin is installed disabled; enable it with plugin:enable once its settings are filled.',
    '{{ binaryName }} plugin:install ./vendor/shipping-colissimo',
    '{{ binaryName }} plugin:install shipping-colissimo-1.2.0.tgz --dry-run',
    '{{ binaryName }} plugin:install @acme/comptoir-shipping-colissimo@^1.2.0',
  ]

  @args.string({
    description: 'Plugin folder, .tgz file, or npm package (name, name@version, name@range)',
  })
  declare source: string

  @flags.boolean({
    description:
      'Check compatibility and list the npm dependencies, migrations and hooks it would run, without changing anything',
  })
  declare dryRun: boolean

  async run() {
    await this.guarded(async () => {
      const { lifecycle } = await this.pluginKernel()
      this.report(await lifecycle.install(this.source, { actor: cliActor(), dryRun: this.dryRun }))
    })
  }
}
