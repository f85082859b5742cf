import type { HttpContext } from '@adonisjs/core/http'
import { PluginRuntime } from '@comptoir/contracts/plugin_runtime'
import type PluginRegistry from '#plugin_kernel/plugin_registry'
import { shopperOf } from '#support/shopper'

/** The kernel's answer to plugin code asking for its running context. */
export default class RegistryRuntime extends PluginRuntime {
  constructor(protected registry: PluginRegistry) {
    super()
  }

  contextOf(name: string) {
    return this.registry.contextOf(name)
  }

  /** The storefront's own customer guard, through the shopper helper. */
  async signedInCustomer(ctx: HttpContext) {
    const { customerId, email } = await shopperOf(ctx)
    return customerId && email ? { id: customerId, email } : null
  }
}
