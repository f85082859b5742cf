import type { ApplicationService } from '@adonisjs/core/types'
import type { CoreEvents } from '@comptoir/contracts/plugin_manifest'
import { PluginRuntime } from '@comptoir/contracts/plugin_runtime'
import PluginKernel from '#plugin_kernel/plugin_kernel'

declare module '@adonisjs/core/types' {
  interface EventsList extends CoreEvents {}
}

const CORE_EVENTS: (keyof CoreEvents)[] = [
  'order:placed',
  'order:paid',
  'order:cancelled',
  'order:shipped',
  'withdrawal:requested',
  'stock:changed',
]

/**
 * Wires plugins in: binds the kernel, and in a running server loads the
 * enabled plugins (logging any it refuses) and hands them core events.
 */
export default class PluginProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(PluginKernel, async () => {
      const { default: config } = await import('#config/plugins')
      return new PluginKernel(config)
    })
    // Resolved per call, so it follows the kernel bound at that moment.
    this.app.container.bind(PluginRuntime, async (resolver) => {
      const kernel = await resolver.make(PluginKernel)
      const { default: RegistryRuntime } = await import('#plugin_kernel/registry_runtime')
      return new RegistryRuntime(kernel.registry)
    })
  }

  async ready() {
    // Queue workers run in the console environment: their events reach plugins too.
    const environment = this.app.getEnvironment()
    if (!['web', 'test', 'console'].includes(environment)) return
    // Loading now logs at boot any plugin refused (incompatible, missing).
    if (environment === 'web') {
      const kernel = await this.app.container.make(PluginKernel)
      await kernel.registry.reload()
    }

    const emitter = await this.app.container.make('emitter')
    for (const event of CORE_EVENTS) {
      emitter.on(event, async (payload) => {
        const kernel = await this.app.container.make(PluginKernel)
        await kernel.registry.dispatch(event, payload as never)
      })
    }
  }
}
