/**
 * The shapes of the core's commerce data as plugins see them: read-only
 * snapshots, plain data, no database handles. Amounts are integer minor units
 * (cents for EUR); prices are tax included.
 */

export interface Amount {
  /** Integer minor units, never a float. */
  readonly amount: number
  /** ISO 4217 code, e.g. "EUR". */
  readonly currency: string
}

export type Locale = 'fr' | 'en'

export interface Address {
  /** ISO 3166-1 alpha-2 code, upper case ("FR"). */
  readonly countryCode: string
  readonly postalCode: string
  readonly city: string
  readonly lines: readonly string[]
  readonly firstName?: string
  readonly lastName?: string
  readonly company?: string
  readonly phone?: string
}

export interface CartLine {
  readonly variantId: number
  readonly productId: number
  readonly sku: string
  readonly name: string
  readonly quantity: number
  /** Unit price, tax included. */
  readonly unitPrice: Amount
  /** Weight of one unit in grams, 0 when unknown or weightless. */
  readonly unitWeightGrams: number
}

export interface CartSnapshot {
  readonly currency: string
  readonly lines: readonly CartLine[]
  /** Sum of the lines after discounts, tax included, before shipping. */
  readonly subtotal: Amount
  readonly locale: Locale
  /** The customer's email when known (logged in or given at checkout). */
  readonly customerEmail?: string
}

export interface OrderSnapshot {
  readonly id: number
  /** The reference shown to the shopper and on bank transfers ("CMD-2026-000123"). */
  readonly reference: string
  readonly total: Amount
  readonly cart: CartSnapshot
  readonly shippingAddress: Address | null
  readonly billingAddress: Address
  /** Code of the shipping method chosen, e.g. "click-collect". */
  readonly shippingMethodCode: string | null
  readonly placedAt: Date
}

/** Sums cart line weights in grams. */
export function cartWeightGrams(cart: CartSnapshot): number {
  return cart.lines.reduce((total, line) => total + line.unitWeightGrams * line.quantity, 0)
}

/** Counts the units in a cart (two of one SKU count two). */
export function cartItemCount(cart: CartSnapshot): number {
  return cart.lines.reduce((total, line) => total + line.quantity, 0)
}
