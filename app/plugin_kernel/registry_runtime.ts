import { PluginRuntime } from '@comptoir/contracts/plugin_runtime'
import type PluginRegistry from '#plugin_kernel/plugin_registry'

/** The kernel's answer to plugin code asking for its running context. */
export default class RegistryRuntime extends PluginRuntime {
  constructor(protected registry: PluginRegistry) {
    super()
  }

  contextOf(name: string) {
    return this.registry.contextOf(name)
  }
}
