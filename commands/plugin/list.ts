import KernelCommand from '#plugin_kernel/kernel_command'

export default class PluginList extends KernelCommand {
  static commandName = 'plugin:list'
  static description = 'List the plugins: version, compatible core range, state, pending patches'

  async run() {
    const { overview } = await this.pluginKernel()
    const { rows, broken } = await overview.rows()
    const table = this.ui.table()
    table.head(['Name', 'Version', 'Installed', 'Core', 'State', 'Pending patches', 'Problem'])
    for (const row of rows) {
      table.row([
        row.name,
        row.version ?? '-',
        row.installedVersion ?? '-',
        row.coreRange ?? '-',
        row.state,
        String(row.pendingPatches),
        [...row.incompatibilities, row.lastError].filter(Boolean).join('; ') || '-',
      ])
    }
    if (rows.length) table.render()
    else this.logger.info('No plugin in the plugins folder')
    for (const folder of broken) this.logger.warning(`plugins/${folder.folder}: ${folder.error}`)
  }
}
