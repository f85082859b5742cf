import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Locks the rows a query reads until the transaction ends, on MySQL. SQLite
 * has no row locks and needs none: its writers take the database one at a time.
 */
export function lockForUpdate<Query extends { forUpdate(): Query }>(
  query: Query,
  client: QueryClientContract
): Query {
  return client.dialect.name === 'mysql' ? query.forUpdate() : query
}
