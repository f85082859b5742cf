import type { Locale, OrderSnapshot } from '@comptoir/contracts/commerce'
import type Order from '#models/order'
import type OrderLine from '#models/order_line'

/**
 * An order as plugins see it (payment providers, listeners): plain data from
 * the order as placed.
 */
export function orderSnapshot(order: Order, lines: readonly OrderLine[]): OrderSnapshot {
  const amount = (value: number) => ({ amount: value, currency: order.currency })
  return {
    id: order.id,
    reference: order.number,
    total: amount(order.total),
    cart: {
      currency: order.currency,
      locale: order.locale as Locale,
      lines: lines.map((line) => ({
        variantId: line.variantId ?? 0,
        productId: line.productId ?? 0,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        unitPrice: amount(line.unitPrice),
        unitWeightGrams: line.unitWeightGrams,
      })),
      subtotal: amount(order.itemsTotal - order.discountTotal),
      customerEmail: order.email,
    },
    shippingAddress: order.shippingAddress,
    billingAddress: order.billingAddress,
    shippingMethodCode: order.shippingMethodCode,
    placedAt: order.placedAt.toJSDate(),
  }
}
