import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import type {
  PaymentAttempt,
  PaymentEvent,
  PaymentProvider,
} from '@comptoir/contracts/payment_provider'
import type Order from '#models/order'
import Payment from '#models/payment'
import CartService from '#services/cart/cart_service'
import PaymentOptions from '#services/checkout/payment_options'
import OrderLine from '#models/order_line'
import { SHOPPER } from '#services/orders/order_timeline'
import { paymentAttempt } from '#services/payments/payment_attempt'
import PaymentCompletion from '#services/payments/payment_completion'
import { accessibleOrder } from '#support/order_access'
import { cartOrCreate, redirectToPage } from '#support/shopper'

/** Three-second reloads of the waiting page before it stops reloading by itself. */
const MAX_AUTO_RELOADS = 20

/** Orders whose lines this session already put back in the cart. */
const RESTORED_ORDERS = 'payment_restored_orders'

/**
 * The shopper back from a payment provider's page. What the provider can
 * verify goes through the one completion path first; the page then follows
 * the order's state: paid (or authorized) → confirmation; refused or given up
 * → the order is cancelled, its lines back in the cart, and the review step
 * says why; not known yet → a page that waits for the provider's notification.
 */
@inject()
export default class PaymentsController {
  constructor(
    protected paymentOptions: PaymentOptions,
    protected completion: PaymentCompletion,
    protected carts: CartService
  ) {}

  async return(ctx: HttpContext) {
    const query = Object.fromEntries(
      Object.entries(ctx.request.qs()).map(([key, value]) => [key, String(value)])
    )
    return this.follow(ctx, (provider, attempt) => provider.handleReturn(attempt, query))
  }

  async cancel(ctx: HttpContext) {
    return this.follow(ctx, (provider, attempt) => provider.cancel(attempt))
  }

  private async follow(
    ctx: HttpContext,
    ask: (provider: PaymentProvider, attempt: PaymentAttempt) => Promise<PaymentEvent>
  ) {
    const order = await accessibleOrder(ctx)
    const payment = await Payment.query().where('order_id', order.id).orderBy('id', 'desc').first()
    const provider = payment && (await this.paymentOptions.provider(payment.methodCode))
    if (provider && payment.status === 'pending') {
      // A provider that cannot answer (its API down) is no reason for an error
      // page: the order's state decides, and the waiting page asks again.
      const attempt = await paymentAttempt(payment, order)
      const event = await ask(provider, attempt).catch((error) => {
        logger.error({ err: error, order: order.number }, 'payment provider could not answer')
        return null
      })
      if (event) await this.completion.apply(provider.code, event, SHOPPER)
    }
    return this.land(ctx, order.number)
  }

  private async land(ctx: HttpContext, number: string) {
    const order = await accessibleOrder(ctx)
    const payment = await Payment.query().where('order_id', order.id).orderBy('id', 'desc').first()
    if (
      order.status === 'cancelled' &&
      (payment?.status === 'failed' || payment?.status === 'cancelled')
    ) {
      await this.restoreOnce(ctx, order)
      ctx.session.flash('error', ctx.i18n.t(`payments.${payment.status}`))
      return redirectToPage(ctx, '/checkout/review')
    }
    if (order.status === 'pending_payment' && payment?.status === 'pending') {
      // Reloads by itself for a minute, then leaves it to the shopper (WCAG 2.2.1).
      const reloads = Number(ctx.request.qs().reloads) || 0
      return ctx.view.render('pages/storefront/checkout/payment_waiting', {
        order,
        reloads: reloads + 1,
        autoReload: reloads < MAX_AUTO_RELOADS,
      })
    }
    return redirectToPage(ctx, `/checkout/confirmation/${number}`)
  }

  /** The cancelled order's lines go back to the cart once, however often the page reloads. */
  private async restoreOnce(ctx: HttpContext, order: Order) {
    const restored: string[] = ctx.session.get(RESTORED_ORDERS, [])
    if (restored.includes(order.number)) return
    const cart = await cartOrCreate(ctx, this.carts)
    const lines = await OrderLine.query().where('order_id', order.id).orderBy('position')
    await this.carts.restoreOrder(cart, order, lines)
    ctx.session.put(RESTORED_ORDERS, [order.number, ...restored].slice(0, 5))
  }
}
