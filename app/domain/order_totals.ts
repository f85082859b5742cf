import { allocateProportionally } from '#domain/money'
import { splitTaxIncluded, type VatRate } from '#domain/vat'

/**
 * What an order costs, from tax-included prices: the totals shown at review,
 * stored on the order and printed on the invoice, with VAT broken down per rate
 * (LEGAL.md I-02). Delivery is an accessory of the goods, so its VAT follows
 * theirs: with goods at several rates, the delivery price is split across the
 * rates in proportion to what the goods cost at each.
 */

export interface PricedLine {
  /** Tax included, minor units. */
  readonly unitPrice: number
  readonly quantity: number
  /** The part of a coupon allocated to this line, minor units. */
  readonly discount: number
  readonly vatRate: VatRate
}

export interface VatBreakdownLine {
  readonly rate: VatRate
  /** Excluding tax (HT). */
  readonly net: number
  readonly vat: number
  /** Including tax (TTC): net + vat. */
  readonly gross: number
}

export interface OrderTotals {
  /** The lines at full price. */
  readonly itemsTotal: number
  readonly discountTotal: number
  readonly shippingTotal: number
  readonly total: number
  readonly vatTotal: number
  readonly vat: readonly VatBreakdownLine[]
}

export function lineTotal(line: PricedLine): number {
  return line.unitPrice * line.quantity - line.discount
}

export function orderTotals(lines: readonly PricedLine[], shipping: number): OrderTotals {
  const grossByRate = new Map<VatRate, number>()
  for (const line of lines) {
    grossByRate.set(line.vatRate, (grossByRate.get(line.vatRate) ?? 0) + lineTotal(line))
  }
  const rates = [...grossByRate.keys()].sort((a, b) => b - a)
  const shippingShares = allocateProportionally(
    shipping,
    rates.map((rate) => grossByRate.get(rate)!)
  )
  const vat = rates.map((rate, index): VatBreakdownLine => {
    const gross = grossByRate.get(rate)! + shippingShares[index]
    return { rate, gross, ...splitTaxIncluded(gross, rate) }
  })
  const itemsTotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)
  const discountTotal = lines.reduce((sum, line) => sum + line.discount, 0)
  return {
    itemsTotal,
    discountTotal,
    shippingTotal: shipping,
    total: itemsTotal - discountTotal + shipping,
    vatTotal: vat.reduce((sum, line) => sum + line.vat, 0),
    vat,
  }
}
