import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import DemoSeeder from '#database/seeders/demo_seeder'

/**
 * Number of rows in a table matching the given column values.
 */
export async function countRows(table: string, where: Record<string, unknown> = {}) {
  const row = await db.from(table).where(where).count('* as total').first()
  return Number(row?.total ?? 0)
}

/**
 * For tests whose work spans connections (a browser, a queue worker): empties
 * every table now and again afterwards, and seeds the demo shop in between,
 * with its catalog when the test needs it (it takes a few seconds).
 */
export async function resetToDemoShop({ catalog = false } = {}) {
  const truncate = await testUtils.db().truncate()
  const seeder = new DemoSeeder(db.connection())
  await seeder.seedShop()
  if (catalog) await seeder.seedCatalog()
  return truncate
}

/**
 * Points the primary connection at a port where nothing listens, the way a
 * database outage looks to the application, until the test ends.
 */
export function simulateDatabaseOutage(cleanup: (handler: () => Promise<void>) => void) {
  const primary = db.primaryConnectionName
  db.manager.add('unreachable', {
    client: 'mysql2',
    connection: { host: '127.0.0.1', port: 9, user: 'nobody', database: 'none' },
  })
  db.primaryConnectionName = 'unreachable'
  cleanup(async () => {
    db.primaryConnectionName = primary
    await db.manager.close('unreachable')
    db.manager.connections.delete('unreachable')
  })
}
