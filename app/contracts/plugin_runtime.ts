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
}
