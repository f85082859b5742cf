import db from '@adonisjs/lucid/services/db'

/**
 * Counts the SQL queries run while `work` runs (HTTP requests to the in-process
 * test server included), by listening to the primary connection's knex client,
 * which also sees queries run inside transactions.
 */
export async function countQueries(work: () => Promise<unknown>): Promise<number> {
  const knex = db.manager.get(db.primaryConnectionName)!.connection!.client!
  let count = 0
  const listener = () => {
    count++
  }
  knex.on('query', listener)
  try {
    await work()
  } finally {
    knex.off('query', listener)
  }
  return count
}
