import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import CatalogIndexer from '#services/catalog/catalog_indexer'
import { sqlTimestamp } from '#support/sql_timestamp'
import { lockForUpdate } from '#support/row_lock'
import { affectedRows } from '#support/affected_rows'

export type StockChangeReason =
  'initial' | 'adjustment' | 'import' | 'sale' | 'return' | 'transfer' | 'cancellation'

export interface StockChange {
  variantId: number
  stockLocationId: number
  reason: StockChangeReason
  reference?: string | null
  adminUserId?: number | null
}

export interface StockCount extends StockChange {
  quantity: number
  /** When given, `quantity - countedFrom` is added to what is there now. */
  countedFrom?: number
  safetyThreshold?: number
}

export type StockAdjustResult =
  { status: 'adjusted'; quantity: number } | { status: 'insufficient'; available: number }

/**
 * The only way stock changes. Every change is one conditional UPDATE (so
 * concurrent sales never take a level below zero), a line in the movement log,
 * and a refresh of the product's availability in the listing index.
 */
@inject()
export default class StockService {
  constructor(protected indexer: CatalogIndexer) {}

  /**
   * Adds (or, with a negative delta, takes) stock. Refuses rather than going
   * below zero.
   */
  async adjust(change: StockChange & { delta: number }, trx?: TransactionClientContract) {
    return this.inTransaction(trx, async (client) => {
      await this.ensureLevel(client, change)
      const updated = await client
        .from('stock_levels')
        .where({ variant_id: change.variantId, stock_location_id: change.stockLocationId })
        .where('quantity', '>=', -change.delta)
        .update({
          quantity: client.raw('quantity + ?', [change.delta]),
          updated_at: sqlTimestamp(),
        })
      const level = await this.level(client, change)
      if (!affectedRows(updated)) {
        return { status: 'insufficient', available: level.quantity } satisfies StockAdjustResult
      }
      await this.logMovement(client, change, change.delta, level.quantity)
      await this.reindexVariant(client, change.variantId)
      return { status: 'adjusted', quantity: level.quantity } satisfies StockAdjustResult
    })
  }

  /**
   * Sets the quantity counted at a location (and, optionally, its safety
   * threshold), logging the difference as a movement. The caller writes a whole
   * product and reindexes it once at the end (ProductService).
   */
  async writeCount(change: StockCount, client: TransactionClientContract): Promise<boolean> {
    if (!Number.isInteger(change.quantity) || change.quantity < 0) {
      throw new RangeError(`Stock quantity must be a whole number ≥ 0, got ${change.quantity}`)
    }
    await this.ensureLevel(client, change)
    const before = await this.level(client, change, { lock: true })
    const quantity =
      change.countedFrom === undefined
        ? change.quantity
        : Math.max(0, before.quantity + change.quantity - change.countedFrom)
    await client
      .from('stock_levels')
      .where({ variant_id: change.variantId, stock_location_id: change.stockLocationId })
      .update({
        quantity,
        safety_threshold: change.safetyThreshold ?? before.safety_threshold,
        updated_at: sqlTimestamp(),
      })
    const delta = quantity - before.quantity
    if (delta !== 0) await this.logMovement(client, change, delta, quantity)
    return delta !== 0
  }

  private inTransaction<T>(
    trx: TransactionClientContract | undefined,
    work: (client: TransactionClientContract) => Promise<T>
  ): Promise<T> {
    return trx ? work(trx) : db.transaction(work)
  }

  /**
   * Creates the level row at zero if it does not exist yet; two concurrent
   * first sales at a location both succeed (the second insert is ignored). The
   * plain read comes first: on MySQL an INSERT IGNORE that hits an existing row
   * takes a shared lock, and two of them then deadlock on the UPDATE.
   */
  private async ensureLevel(client: TransactionClientContract, change: StockChange) {
    const existing = await client
      .from('stock_levels')
      .where({ variant_id: change.variantId, stock_location_id: change.stockLocationId })
      .first()
    if (existing) return
    await client
      .knexQuery()
      .table('stock_levels')
      .insert({
        variant_id: change.variantId,
        stock_location_id: change.stockLocationId,
        quantity: 0,
        safety_threshold: 0,
        updated_at: sqlTimestamp(),
      })
      .onConflict(['variant_id', 'stock_location_id'])
      .ignore()
  }

  private async level(
    client: TransactionClientContract,
    change: StockChange,
    options: { lock?: boolean } = {}
  ) {
    const query = client
      .from('stock_levels')
      .where({ variant_id: change.variantId, stock_location_id: change.stockLocationId })
    const row = await (options.lock ? lockForUpdate(query, client) : query).firstOrFail()
    return { quantity: Number(row.quantity), safety_threshold: Number(row.safety_threshold) }
  }

  private async logMovement(
    client: TransactionClientContract,
    change: StockChange,
    delta: number,
    quantityAfter: number
  ) {
    // Plugins hear of a change once it is committed (a rolled-back sale never happened).
    client.after('commit', () =>
      emitter.emit('stock:changed', {
        variantId: change.variantId,
        placeId: change.stockLocationId,
        quantityBefore: quantityAfter - delta,
        quantityAfter,
      })
    )
    await client.table('stock_movements').insert({
      variant_id: change.variantId,
      stock_location_id: change.stockLocationId,
      delta,
      quantity_after: quantityAfter,
      reason: change.reason,
      reference: change.reference ?? null,
      admin_user_id: change.adminUserId ?? null,
      created_at: sqlTimestamp(),
    })
  }

  private async reindexVariant(client: TransactionClientContract, variantId: number) {
    const variant = await client
      .from('variants')
      .where('id', variantId)
      .select('product_id')
      .firstOrFail()
    await this.indexer.refreshAvailability([Number(variant.product_id)], client)
  }
}
