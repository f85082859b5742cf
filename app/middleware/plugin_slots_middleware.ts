import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { ViewSlotName, ViewSlots } from '@comptoir/contracts/view_slots'
import PluginKernel from '#plugin_kernel/plugin_kernel'

/**
 * Gives templates `pluginSlot(name, input)`, which renders what enabled
 * plugins put in that named slot, with this request's view helpers.
 */
export default class PluginSlotsMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const kernel = await ctx.containerResolver.make(PluginKernel)
    ctx.view.share({
      pluginSlot: <Slot extends ViewSlotName>(slot: Slot, input: ViewSlots[Slot]) =>
        kernel.registry.renderSlot(
          (template, data) => ctx.view.render(template, data),
          slot,
          input
        ),
    })
    return next()
  }
}
