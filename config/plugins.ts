import app from '@adonisjs/core/services/app'
import env from '#start/env'

/**
 * Where the plugin kernel finds plugins and core patches, where npm installs
 * the plugins' own dependencies (the app is the root of their npm workspace),
 * and how long a plugin provider may take before the request goes on without it.
 */
const pluginsConfig = {
  appRoot: app.makePath(),
  pluginsPath: app.makePath('plugins'),
  corePatchesPath: app.makePath('database/patches'),
  timeoutMs: env.get('PLUGIN_TIMEOUT_MS', 3000),
}

export default pluginsConfig
