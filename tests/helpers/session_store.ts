import { configProvider } from '@adonisjs/core'
import type { ApplicationService } from '@adonisjs/core/types'
import type { PluginFn } from '@japa/runner/types'

/**
 * The session plugins of Japa (`withSession`, `loginAs`, `flashMessages()`)
 * read and write through a memory store, which the application shares only
 * with SESSION_DRIVER=memory. Run under a configuration whose sessions live
 * elsewhere (redis in CI's MariaDB half), they use the application's store.
 */
export function onConfiguredSessionStore(app: ApplicationService, plugin: PluginFn): PluginFn {
  return async (...args) => {
    const provider = app.config.get('session')
    app.config.set(
      'session',
      configProvider.create(async (application) => {
        const config: any = await configProvider.resolve(application, provider)
        const store = config.stores[config.store]
        return { ...config, stores: { ...config.stores, memory: () => store(null, config) } }
      })
    )
    try {
      return await plugin(...args)
    } finally {
      app.config.set('session', provider)
    }
  }
}
