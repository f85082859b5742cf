import { args, flags } from '@adonisjs/core/ace'
import KernelCommand from '#plugin_kernel/kernel_command'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

export default class PatchApply extends KernelCommand {
  static commandName = 'patch:apply'
  static description = 'Apply one pending patch ("owner/id") or, with --all, every pending patch'
  static help = [
    '{{ binaryName }} patch:apply --all',
    '{{ binaryName }} patch:apply core/2026_11_24_fix_vat_rates',
  ]

  @args.string({ description: 'Patch to apply: "owner/id", or "id" when unique', required: false })
  declare id?: string

  @flags.boolean({ description: 'Apply every pending patch' })
  declare all: boolean

  async run() {
    const { patches } = await this.pluginKernel()
    const actor = cliActor()
    if (this.all === Boolean(this.id)) {
      this.logger.error('Give either a patch id or --all')
      this.exitCode = 1
      return
    }
    const outcomes = this.id
      ? [await patches.applyOne(this.id, actor)]
      : await patches.applyPending(actor)
    if (!outcomes.length) this.logger.info('No pending patch: nothing to do')
    for (const outcome of outcomes) {
      if (outcome === null) {
        this.logger.error(`No patch "${this.id}" (see patch:status)`)
        this.exitCode = 1
      } else if (outcome === 'already_applied') {
        this.logger.info(`${this.id} is already applied: nothing to do`)
      } else if (outcome.outcome === 'applied') {
        this.logger.success(`applied ${outcome.owner}/${outcome.id}`)
      } else {
        this.logger.error(
          `${outcome.owner}/${outcome.id} failed, nothing it did was kept: ${outcome.error}`
        )
        this.exitCode = 1
      }
    }
  }
}
