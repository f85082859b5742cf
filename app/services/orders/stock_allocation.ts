import { inject } from '@adonisjs/core'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
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

  /** Puts units back where they were taken from (a cancelled order). */
  async release(
    trx: TransactionClientContract,
    variantId: number,
    allocation: Allocation,
    reference: string
  ) {
    await this.stock.adjust(
      {
        variantId,
        stockLocationId: allocation.stockLocationId,
        delta: allocation.quantity,
        reason: 'cancellation',
        reference,
      },
      trx
    )
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
