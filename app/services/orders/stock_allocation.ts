import { inject } from '@adonisjs/core'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type Order from '#models/order'
import OrderLine from '#models/order_line'
import type OrderStockAllocation from '#models/order_stock_allocation'
import StockService from '#services/catalog/stock_service'
import { lockForUpdate } from '#support/row_lock'

export interface Allocation {
  readonly stockLocationId: number
  readonly quantity: number
}

/**
 * Takes an order line's units from stock inside the order's transaction:
 * from the given locations in priority order, each take a conditional UPDATE
 * that never goes below zero (StockService). Returns what was taken where, or
 * null when the locations together hold too few; the caller then rolls back,
 * which puts back anything already taken.
 */
@inject()
export default class StockAllocation {
  constructor(protected stock: StockService) {}

  async take(
    trx: TransactionClientContract,
    line: { variantId: number; quantity: number; reference: string },
    locationIds: readonly number[]
  ): Promise<Allocation[] | null> {
    const allocations: Allocation[] = []
    let missing = line.quantity
    for (const stockLocationId of locationIds) {
      if (missing === 0) break
      const taken = await this.takeAt(trx, line, stockLocationId, missing)
      if (taken > 0) {
        allocations.push({ stockLocationId, quantity: taken })
        missing -= taken
      }
    }
    return missing === 0 ? allocations : null
  }

  /**
   * Puts every unit a cancelled order still holds back where it was taken
   * from, and marks those allocations released so it never happens twice.
   */
  async releaseOrder(trx: TransactionClientContract, order: Order) {
    const lines = await OrderLine.query({ client: trx })
      .where('order_id', order.id)
      .preload('allocations', (query) => query.whereNull('released_at'))
    for (const line of lines) {
      for (const allocation of line.allocations) {
        await this.putBack(trx, line, allocation, allocation.quantity, order.number)
      }
    }
  }

  /**
   * Puts back `units` of one order line that will never ship (withdrawn
   * before shipping, W-08), the last taken first: an allocation given back
   * whole is marked released, one given back in part shrinks, so a later
   * cancellation gives back only what the order still holds.
   */
  async releaseUnits(
    trx: TransactionClientContract,
    order: Order,
    orderLineId: number,
    units: number
  ) {
    const line = await OrderLine.query({ client: trx })
      .where('id', orderLineId)
      .preload('allocations', (query) => query.whereNull('released_at').orderBy('id', 'desc'))
      .firstOrFail()
    let left = units
    for (const allocation of line.allocations) {
      if (left === 0) break
      const released = Math.min(left, allocation.quantity)
      left -= released
      await this.putBack(trx, line, allocation, released, order.number)
    }
  }

  /** Gives `units` of an allocation back to its location's stock. */
  private async putBack(
    trx: TransactionClientContract,
    line: OrderLine,
    allocation: OrderStockAllocation,
    units: number,
    reference: string
  ) {
    if (line.variantId !== null) {
      await this.stock.adjust(
        {
          variantId: line.variantId,
          stockLocationId: allocation.stockLocationId,
          delta: units,
          reason: 'cancellation',
          reference,
        },
        trx
      )
    }
    allocation.useTransaction(trx)
    if (units === allocation.quantity) allocation.releasedAt = DateTime.now()
    else allocation.quantity -= units
    await allocation.save()
  }

  /**
   * Takes up to `wanted` units at one location. The level row is read with a
   * lock (on MySQL; SQLite writers run one at a time), so what is read is what
   * the conditional update then finds.
   */
  private async takeAt(
    trx: TransactionClientContract,
    line: { variantId: number; reference: string },
    stockLocationId: number,
    wanted: number
  ): Promise<number> {
    const quantity = Math.min(await this.quantityAt(trx, line.variantId, stockLocationId), wanted)
    if (quantity <= 0) return 0
    const result = await this.stock.adjust(
      {
        variantId: line.variantId,
        stockLocationId,
        delta: -quantity,
        reason: 'sale',
        reference: line.reference,
      },
      trx
    )
    return result.status === 'adjusted' ? quantity : 0
  }

  private async quantityAt(
    trx: TransactionClientContract,
    variantId: number,
    stockLocationId: number
  ) {
    const query = trx
      .from('stock_levels')
      .where({ variant_id: variantId, stock_location_id: stockLocationId })
      .select('quantity')
    const row = await lockForUpdate(query, trx).first()
    return Number(row?.quantity ?? 0)
  }
}
