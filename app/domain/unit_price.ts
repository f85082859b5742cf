/**
 * The price per kilogram, litre, metre or piece that EU law (Directive 98/6/EC,
 * French arrêté du 3 décembre 1987) requires next to the price of goods sold by
 * quantity. Net quantities are stored in thousandths of their unit: 250 g is
 * 250 thousandths of a kilogram, a pack of 6 is 6000 thousandths of a piece.
 */
export const QUANTITY_UNITS = ['kg', 'l', 'm', 'piece'] as const
export type QuantityUnit = (typeof QUANTITY_UNITS)[number]

export function isQuantityUnit(value: unknown): value is QuantityUnit {
  return QUANTITY_UNITS.includes(value as QuantityUnit)
}

/**
 * Price in minor units for one unit (rounded to the nearest minor unit), or null
 * when no meaningful unit price exists (no quantity, or a single piece).
 */
export function unitPriceAmount(
  price: number,
  netQuantity: number | null,
  unit: QuantityUnit | null
): number | null {
  if (!netQuantity || netQuantity <= 0 || !unit) return null
  if (unit === 'piece' && netQuantity === 1000) return null
  return Math.round((price * 1000) / netQuantity)
}
