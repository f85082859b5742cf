/**
 * What a shopper is told about availability, from the quantity on hand and the
 * merchant's safety threshold (below which "only a few left" is shown).
 */
export type StockStatus = 'in_stock' | 'low_stock' | 'out_of_stock'

export function stockStatus(quantity: number, safetyThreshold: number): StockStatus {
  if (quantity <= 0) return 'out_of_stock'
  if (quantity <= safetyThreshold) return 'low_stock'
  return 'in_stock'
}

export interface LocationStock {
  quantity: number
  safetyThreshold: number
  fulfilsOnline: boolean
  clickAndCollect: boolean
}

/**
 * What a product page tells about a variant: the quantity that ships online
 * (summed over the locations that fulfil online orders) and its status, and
 * whether it can be ordered at all, which click & collect stock also allows.
 */
export function shopperStock(levels: readonly LocationStock[]) {
  const online = levels.filter((level) => level.fulfilsOnline)
  const quantity = online.reduce((sum, level) => sum + level.quantity, 0)
  const threshold = online.reduce((sum, level) => sum + level.safetyThreshold, 0)
  const inShops = levels.some((level) => level.clickAndCollect && level.quantity > 0)
  return { quantity, status: stockStatus(quantity, threshold), orderable: quantity > 0 || inShops }
}

/** Click & collect locations holding the variant: a product page says "available in N stores". */
function shopsHolding(levels: readonly LocationStock[]) {
  return levels.filter((level) => level.clickAndCollect && level.quantity > 0).length
}

/**
 * Whether a shopper would read something else: another status, another
 * "only N left", or another number of stores holding it.
 */
export function shopperStockDiffers(
  before: readonly LocationStock[],
  after: readonly LocationStock[]
) {
  const [was, is] = [shopperStock(before), shopperStock(after)]
  return (
    was.status !== is.status ||
    was.orderable !== is.orderable ||
    (is.status === 'low_stock' && was.quantity !== is.quantity) ||
    shopsHolding(before) !== shopsHolding(after)
  )
}
