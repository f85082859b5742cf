import PluginException from '#exceptions/plugin_exception'

/**
 * Runs the steps of a plugin operation in order and, when one fails, undoes
 * the completed ones in reverse, so the operation is all-or-nothing even where
 * the database cannot roll DDL back.
 */
export default class CompensatingSteps {
  #undos: { label: string; undo: () => Promise<unknown> }[] = []

  constructor(protected pluginName: string) {}

  async run<T>(label: string, action: () => Promise<T>, undo?: (result: T) => Promise<unknown>) {
    let result: T
    try {
      result = await action()
    } catch (error) {
      throw await this.compensate(label, error)
    }
    if (undo) this.#undos.push({ label, undo: () => undo(result) })
    return result
  }

  private async compensate(label: string, cause: unknown) {
    const leftovers: string[] = []
    for (const { label: done, undo } of this.#undos.toReversed()) {
      try {
        await undo()
      } catch (error) {
        leftovers.push(`undoing "${done}" failed too: ${(error as Error).message}`)
      }
    }
    this.#undos = []
    if (!leftovers.length) return PluginException.stepFailed(this.pluginName, label, cause)
    const reason = `${(cause as Error)?.message ?? cause}; ${leftovers.join('; ')}`
    return new PluginException(`Plugin "${this.pluginName}": ${label} failed (${reason})`, {
      code: 'E_PLUGIN_STEP_FAILED',
      cause,
    })
  }
}
