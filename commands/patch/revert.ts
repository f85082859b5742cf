import { args } from '@adonisjs/core/ace'
import KernelCommand from '#plugin_kernel/kernel_command'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

export default class PatchRevert extends KernelCommand {
  static commandName = 'patch:revert'
  static description =
    'Revert an applied patch ("owner/id"): its request guards stop and its data change is undone'
  static help = [
    'The patch stops being in effect at once in this process and within seconds in the others: the request guards of a hot-fix stop filtering.',
    'When the patch declares `revert`, its data change is undone in one transaction with the journal entry, which records who reverted it and when.',
    '`patch:apply --all` leaves a reverted patch alone; `patch:apply <owner/id>` applies it again.',
    '{{ binaryName }} patch:revert security-hotfixes/2026_11_25_search_query_limits',
  ]

  @args.string({ description: 'Patch to revert: "owner/id", or "id" when unique' })
  declare id: string

  async run() {
    const { patches } = await this.pluginKernel()
    const outcome = await patches.revertOne(this.id, cliActor())
    if (outcome === null) {
      this.logger.error(`No patch "${this.id}" (see patch:status)`)
      this.exitCode = 1
      return
    }
    const reference = `${outcome.owner}/${outcome.id}`
    if (outcome.outcome === 'not_applied') {
      this.logger.info(`${reference} is not applied (${outcome.state}): nothing to revert`)
    } else if (outcome.outcome === 'failed') {
      this.logger.error(`${reference} stays applied, nothing was changed: ${outcome.error}`)
      this.exitCode = 1
    } else {
      const data = outcome.undidData ? 'its data change undone' : 'it changed no data'
      this.logger.success(`reverted ${reference} (${data}); its request guards are off`)
    }
  }
}
