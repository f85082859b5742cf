import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import Order from '#models/order'

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

/**
 * The order, locked for the rest of the transaction: every service that
 * changes an order (payment, parcel, refund, invoice, pickup) reads it so,
 * and re-checks its state under that lock.
 */
export function lockOrder(trx: TransactionClientContract, orderId: number) {
  return lockForUpdate(Order.query({ client: trx }).where('id', orderId), trx).firstOrFail()
}
