import type { HttpContext } from '@adonisjs/core/http'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import type { PaymentStart } from '@comptoir/contracts/payment_provider'
import { appUrl } from '#config/app'
import Order from '#models/order'
import OrderException from '#exceptions/order_exception'
import type { Locale } from '#support/locale_paths'
import { redirectToPage, shopperOf } from '#support/shopper'

/** Orders placed in this browser session, which may see their confirmation. */
const PLACED_ORDERS = 'placed_orders'
const REMEMBERED_ORDERS = 5
/** The purpose of links that open an order (and its documents) without signing in. */
export const ORDER_TRACKING_PURPOSE = 'order_tracking'

export function recordPlacedOrder(ctx: HttpContext, order: Order) {
  const placed: string[] = ctx.session.get(PLACED_ORDERS, [])
  ctx.session.put(PLACED_ORDERS, [order.number, ...placed].slice(0, REMEMBERED_ORDERS))
}

/**
 * Who may see an order and act on it: the session that placed it, the
 * customer it belongs to, or anyone holding its signed tracking link (a guest
 * on another device, from the confirmation e-mail).
 */
export async function canAccessOrder(ctx: HttpContext, order: Order): Promise<boolean> {
  const placed: string[] = ctx.session.get(PLACED_ORDERS, [])
  if (placed.includes(order.number)) return true
  const { customerId } = await shopperOf(ctx)
  if (customerId !== null && order.customerId === customerId) return true
  return ctx.request.hasValidSignature(ORDER_TRACKING_PURPOSE)
}

/**
 * The order named by the route's `:number`, for a visitor who may act on it
 * (withdrawal, defect report); a valid tracking link also lets this browser
 * go on afterwards. Anyone else gets the order's 404, which never says
 * whether the order exists.
 */
export async function accessibleOrder(ctx: HttpContext): Promise<Order> {
  const order = await Order.findBy('number', String(ctx.params.number))
  if (!order || !(await canAccessOrder(ctx, order))) throw OrderException.notFound()
  recordPlacedOrder(ctx, order)
  return order
}

/**
 * The order's tracking page for a guest: a signed link that does not expire,
 * in the order's language.
 */
export function trackingUrl(order: Pick<Order, 'number' | 'locale'>): string {
  const params = { number: order.number }
  const options = { purpose: ORDER_TRACKING_PURPOSE, prefixUrl: appUrl.replace(/\/$/, '') }
  return (order.locale as Locale) === 'en'
    ? signedUrlFor('en.orders.show', params, options)
    : signedUrlFor('fr.orders.show', params, options)
}

/**
 * Where the shopper goes once a payment is started: the provider's page, an
 * auto-posted form to it, or the confirmation (offline methods, captures, and
 * a provider that failed, whose order waits for another method).
 */
export function paymentRedirect(ctx: HttpContext, order: Order, start: PaymentStart | null) {
  if (start?.kind === 'redirect') return ctx.response.redirect().toPath(start.url)
  if (start?.kind === 'form') {
    return ctx.view.render('pages/storefront/orders/payment_form', { order, form: start })
  }
  if (!start) ctx.session.flash('error', ctx.i18n.t('checkout.errors.payment_start_failed'))
  return redirectToPage(ctx, `/checkout/confirmation/${order.number}`)
}
