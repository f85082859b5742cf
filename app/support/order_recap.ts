import type { VatBreakdownLine } from '#domain/order_totals'
import type Order from '#models/order'
import type OrderLine from '#models/order_line'
import type { CheckoutSummary } from '#services/checkout/checkout_service'

/**
 * The lines and totals one recap table shows, whether they come from a cart
 * at checkout or from an order as placed.
 */
export interface Recap {
  readonly currency: string
  readonly lines: readonly {
    readonly name: string
    readonly optionsLabel: string | null
    readonly quantity: number
    readonly unitPrice: number
    readonly total: number
    readonly withdrawalException: string | null
  }[]
  readonly itemsTotal: number
  readonly discountTotal: number
  readonly couponCode: string | null
  readonly shippingLabel: string | null
  /** Null while no delivery method is chosen. */
  readonly shippingTotal: number | null
  readonly vat: readonly VatBreakdownLine[]
  readonly total: number
}

export function recapOfSummary(summary: CheckoutSummary): Recap {
  const coupon = summary.coupon?.check.kind === 'applied' ? summary.coupon.check : null
  return {
    currency: summary.currency,
    lines: summary.items.map((item) => ({
      name: item.name,
      optionsLabel: item.optionsLabel,
      quantity: item.quantity,
      unitPrice: item.unitPrice,
      total: item.unitPrice * item.quantity,
      withdrawalException: item.withdrawalException === 'none' ? null : item.withdrawalException,
    })),
    itemsTotal: summary.totals.itemsTotal,
    discountTotal: summary.totals.discountTotal,
    couponCode: coupon?.code ?? null,
    shippingLabel: summary.shipping?.offer.label ?? null,
    shippingTotal: summary.shipping ? summary.totals.shippingTotal : null,
    vat: summary.totals.vat,
    total: summary.totals.total,
  }
}

export function recapOfOrder(order: Order, lines: readonly OrderLine[]): Recap {
  return {
    currency: order.currency,
    lines: lines.map((line) => ({
      name: line.name,
      optionsLabel: line.optionsLabel,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      total: line.unitPrice * line.quantity,
      withdrawalException: line.withdrawalException,
    })),
    itemsTotal: order.itemsTotal,
    discountTotal: order.discountTotal,
    couponCode: order.couponCode,
    shippingLabel: order.shippingMethodLabel,
    shippingTotal: order.shippingTotal,
    vat: order.snapshot.vat,
    total: order.total,
  }
}
