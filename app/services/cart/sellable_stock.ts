import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

export interface SellableStock {
  /** Units at the locations that ship online orders. */
  readonly online: number
  /** Units that can be sold at all: shipped or collected in a shop. */
  readonly total: number
}

const NONE: SellableStock = { online: 0, total: 0 }

/**
 * What can still be sold of each variant, in one grouped query. The cart
 * checks quantities against `total`; the checkout then offers home delivery
 * only when `online` covers the cart, and a shop only when it holds the lines.
 */
export async function sellableStock(
  variantIds: readonly number[],
  client: QueryClientContract = db.connection()
): Promise<(variantId: number) => SellableStock> {
  const rows = variantIds.length
    ? await client
        .from('stock_levels')
        .join('stock_locations', 'stock_locations.id', 'stock_levels.stock_location_id')
        .whereIn('stock_levels.variant_id', [...variantIds])
        .where((query) =>
          query
            .where('stock_locations.fulfils_online', true)
            .orWhere('stock_locations.click_and_collect', true)
        )
        .groupBy('stock_levels.variant_id')
        .select('stock_levels.variant_id')
        .select(
          client.raw(
            'SUM(CASE WHEN stock_locations.fulfils_online = ? THEN stock_levels.quantity ELSE 0 END) AS online',
            [true]
          )
        )
        .sum('stock_levels.quantity as total')
    : []
  const byVariant = new Map<number, SellableStock>(
    rows.map((row) => [
      Number(row.variant_id),
      { online: Number(row.online ?? 0), total: Number(row.total ?? 0) },
    ])
  )
  return (variantId) => byVariant.get(variantId) ?? NONE
}
