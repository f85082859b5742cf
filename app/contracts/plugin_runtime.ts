import type { HttpContext } from '@adonisjs/core/http'
import type { PluginContext } from './plugin_manifest.js'

/**
 * What a plugin's own code outside its providers (its route handlers) asks
 * the kernel for: `await app.container.make(PluginRuntime)`.
 */
export abstract class PluginRuntime {
  /**
   * The context (validated settings, logger) the plugin runs with in this
   * process, or null while it is not enabled.
   */
  abstract contextOf(name: string): Promise<PluginContext<Record<string, unknown>> | null>

  /**
   * The customer signed in on this storefront request, or null for a guest:
   * a plugin's page acts for that account only (its saved cards, its alerts).
   */
  abstract signedInCustomer(ctx: HttpContext): Promise<{ id: number; email: string } | null>
}
