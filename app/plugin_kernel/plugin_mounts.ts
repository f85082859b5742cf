import logger from '@adonisjs/core/services/logger'
import router from '@adonisjs/core/services/router'
import type { PluginRoutes } from '@comptoir/contracts/plugin_manifest'
import { incompatibilities } from '#plugin_kernel/compatibility'
import type PluginDirectory from '#plugin_kernel/plugin_directory'
import { coreVersion } from '#plugin_kernel/plugin_registry'
import type { MiddlewareFn, ParsedNamedMiddleware } from '@adonisjs/core/types/http'

type Middleware = (MiddlewareFn | ParsedNamedMiddleware)[]

/**
 * Registers, at boot, the routes of every plugin folder compatible with the
 * core. Each group is guarded so it answers only while its plugin is enabled;
 * routes need no database at boot, and a plugin enabled later works without a
 * restart (installing a new plugin's code does need one).
 */
export async function registerPluginRoutes(
  directory: PluginDirectory,
  middleware: {
    storefront: Middleware
    admin: Middleware
    enabled: (name: string) => Middleware[number]
  },
  timeoutMs: number
) {
  const { packages } = await directory.scan()
  for (const pkg of packages) {
    if (incompatibilities({ ...pkg, requires: {} }, coreVersion(), new Map()).length) continue
    try {
      const definition = await directory.loadDefinition(pkg, { timeoutMs })
      if (!definition.routes) continue
      const enabled = middleware.enabled(pkg.name)
      const routes: PluginRoutes = {
        storefront(define) {
          router
            .group(define)
            .prefix(`/plugins/${pkg.name}`)
            .as(`fr.plugins.${pkg.name}`)
            .use([...middleware.storefront, enabled])
          router
            .group(define)
            .prefix(`/en/plugins/${pkg.name}`)
            .as(`en.plugins.${pkg.name}`)
            .use([...middleware.storefront, enabled])
        },
        admin(define) {
          router
            .group(define)
            .prefix(`/admin/plugins/${pkg.name}`)
            .as(`admin.plugins.${pkg.name}`)
            .use([...middleware.admin, enabled])
        },
      }
      definition.routes(routes)
    } catch (error) {
      logger.error({ plugin: pkg.name, err: error }, `plugin ${pkg.name}: routes not registered`)
    }
  }
}
