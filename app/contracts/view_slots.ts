import type { Amount, CartSnapshot, Locale, OrderSnapshot } from './commerce.js'

/**
 * The named places in core templates where plugins render a partial, and what
 * each place hands them. Storefront slots end up in pages cached whole for
 * every visitor: render nothing that belongs to one shopper there.
 */
export interface ViewSlots {
  /** Product page, under the price: delivery cost and date, store availability. */
  'product.price.after': {
    locale: Locale
    product: { id: number; name: string }
    variant: { id: number; sku: string; price: Amount; weightGrams: number }
  }
  /** Cart page, under the totals. */
  'cart.summary.after': { locale: Locale; cart: CartSnapshot }
  /** Checkout review step, under the summary. */
  'checkout.summary.after': { locale: Locale; cart: CartSnapshot }
  /**
   * Customer account home, after the core's sections. Private to the
   * signed-in customer (never cached): the one slot that may show their data.
   */
  'account.sections': { locale: Locale; customer: { id: number; email: string } }
  /** Admin order page, in the sidebar. */
  'admin.order.sidebar': { locale: Locale; order: OrderSnapshot }
}

export type ViewSlotName = keyof ViewSlots

/**
 * How a plugin fills a slot: a template of its own (`resources/views/<view>.edge`,
 * rendered as `<plugin>::<view>`) and, optionally, the data it needs. `data`
 * returning null renders nothing for that page.
 */
export interface SlotRenderer<Input, Context> {
  view: string
  data?(input: Input, context: Context): Promise<Record<string, unknown> | null>
}
