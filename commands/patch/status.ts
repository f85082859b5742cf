import KernelCommand from '#plugin_kernel/kernel_command'

export default class PatchStatus extends KernelCommand {
  static commandName = 'patch:status'
  static description =
    'List the core and plugin patches: applied, pending, failed, or changed since applied'

  async run() {
    const { patches } = await this.pluginKernel()
    const statuses = await patches.status()
    if (!statuses.length) {
      this.logger.info('No patch shipped by the core or the installed plugins')
      return
    }
    const table = this.ui.table()
    table.head(['Owner', 'Patch', 'Severity', 'State', 'Description'])
    for (const patch of statuses) {
      table.row([
        patch.owner,
        patch.id,
        patch.severity,
        patch.state,
        patch.error ? `${patch.description} (${patch.error})` : patch.description,
      ])
    }
    table.render()
  }
}
