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
