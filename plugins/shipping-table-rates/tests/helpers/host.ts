import app from '@adonisjs/core/services/app'

/**
 * This plugin's tests run in the shop's test runner; the core's test helpers
 * come from the container, as a plugin cannot import core files.
 */
export const kit = await app.container.make('comptoir.plugin_test_kit')

export const PLUGIN = 'shipping-table-rates'
export const TABLE = 'shipping_table_rates_rates'

/** This plugin installed from its folder into the core's test sandbox, configured and enabled. */
export async function installedPlugin(
  cleanup: (handler: () => Promise<void>) => void,
  settings: Record<string, unknown>
) {
  const { kernel } = await kit.installedPlugin(cleanup, PLUGIN, settings)
  return { kernel, runAce: kit.runAce, cliActor: kit.cliActor }
}

export const adminUser = kit.adminUser
