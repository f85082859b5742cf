import app from '@adonisjs/core/services/app'

/**
 * This plugin's tests run in the shop's test runner; the core's test helpers
 * come from the container, as a plugin cannot import core files.
 */
export const kit = await app.container.make('comptoir.plugin_test_kit')

export const PLUGIN = 'shipping-table-rates'
export const TABLE = 'shipping_table_rates_rates'

/**
 * Installs this plugin from its folder into a sandbox plugins folder, saves
 * its settings and enables it; the sandbox uninstalls it (dropping its table)
 * when the test ends.
 */
export async function installedPlugin(
  cleanup: (handler: () => Promise<void>) => void,
  settings: Record<string, unknown>
) {
  const { usePluginSandbox, runAce, cliActor } = kit
  const { kernel } = await usePluginSandbox(cleanup)

  const install = await runAce('plugin:install', [app.makePath('plugins', PLUGIN)])
  if (install.exitCode) throw new Error(`plugin:install failed: ${install.output}`)
  const saved = await kernel.lifecycle.saveSettings(PLUGIN, settings, 'fr', cliActor())
  if (!saved.valid) throw new Error(`settings refused: ${JSON.stringify(saved.errors)}`)
  const enable = await runAce('plugin:enable', [PLUGIN])
  if (enable.exitCode) throw new Error(`plugin:enable failed: ${enable.output}`)
  return { kernel, runAce, cliActor }
}

/**
 * A back-office user, removed after the test: an owner (who may manage
 * plugins) unless another role is asked for.
 */
export async function adminUser(
  cleanup: (handler: () => Promise<void>) => void,
  role?: 'manager' | 'support'
) {
  const factory = kit.AdminUserFactory
  const user = await (role ? factory.apply(role) : factory).create()
  cleanup(() => user.delete())
  return user
}
