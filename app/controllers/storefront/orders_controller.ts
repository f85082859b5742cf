import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import OrderException from '#exceptions/order_exception'
import CartService from '#services/cart/cart_service'
import { storefrontOrderDocuments } from '#services/invoices/order_documents'
import PaymentOptions from '#services/checkout/payment_options'
import OrderPayments from '#services/orders/order_payments'
import { orderDetails, type OrderDetails } from '#services/orders/order_details'
import { orderSnapshot } from '#services/orders/order_snapshot'
import { SHOPPER } from '#services/orders/order_timeline'
import {
  canAccessOrder,
  paymentRedirect,
  recordPlacedOrder,
  trackingUrl,
} from '#support/order_access'
import { recapOfOrder } from '#support/order_recap'
import { cartOrCreate, redirectToPage, shopperLocale } from '#support/shopper'
import { guestAccountValidator, paymentChoiceValidator } from '#validators/checkout'
import { accountMessages } from '#validators/customer'
import CustomerSignIn from '#services/customer_sign_in'
import GuestOrderAccount from '#services/orders/guest_order_account'

/**
 * An order seen by its shopper: the confirmation after checkout, the tracking
 * page (signed link for guests), and, while it is unpaid, paying with another
 * method or going back to the cart.
 */
@inject()
export default class OrdersController {
  constructor(
    protected orderPayments: OrderPayments,
    protected paymentOptions: PaymentOptions,
    protected carts: CartService
  ) {}

  async confirmation(ctx: HttpContext) {
    const details = await this.accessible(ctx)
    return ctx.view.render('pages/storefront/orders/confirmation', this.pageData(details))
  }

  async show(ctx: HttpContext) {
    const details = await this.accessible(ctx)
    return ctx.view.render('pages/storefront/orders/show', {
      ...this.pageData(details),
      documents: await storefrontOrderDocuments(details.order, shopperLocale(ctx)),
    })
  }

  async payment(ctx: HttpContext) {
    const details = await this.unpaid(ctx)
    return ctx.view.render('pages/storefront/orders/payment', {
      ...this.pageData(details),
      options: await this.optionsFor(details, ctx),
    })
  }

  /** Pays an unpaid order with the method chosen now (after a failure or a cancel). */
  async pay(ctx: HttpContext) {
    const { payment_method: code } = await ctx.request.validateUsing(paymentChoiceValidator)
    const details = await this.unpaid(ctx)
    const options = await this.optionsFor(details, ctx)
    const option = options.find((candidate) => candidate.code === code)
    if (!option) {
      ctx.session.flash('error', ctx.i18n.t('checkout.errors.payment_unavailable'))
      return redirectToPage(ctx, `/orders/${details.order.number}/payment`)
    }
    const order = await this.orderPayments.switchMethod(
      details.order.id,
      option.code,
      option.label,
      SHOPPER
    )
    return paymentRedirect(ctx, order, await this.orderPayments.start(order, shopperLocale(ctx)))
  }

  /**
   * The shopper gives up paying this order: it is cancelled (its stock goes
   * back) and its lines return to the cart, to change or pay differently.
   */
  async backToCart(ctx: HttpContext) {
    const details = await this.unpaid(ctx)
    const cancelled = await this.orderPayments.cancelUnpaid(
      details.order.id,
      SHOPPER,
      'shopper went back to the cart'
    )
    if (cancelled) {
      const cart = await cartOrCreate(ctx, this.carts)
      await this.carts.restoreOrder(cart, details.order, details.lines)
      ctx.session.flash(
        'notice',
        ctx.i18n.t('orders.back_to_cart_done', { number: details.order.number })
      )
    }
    return redirectToPage(ctx, '/cart')
  }

  /**
   * An account made from the guest order just placed: signed in at once, the
   * order in its history.
   */
  @inject()
  async createAccount(ctx: HttpContext, accounts: GuestOrderAccount, signIn: CustomerSignIn) {
    const details = await this.accessible(ctx)
    const { password } = await ctx.request.validateUsing(guestAccountValidator, {
      messagesProvider: accountMessages(ctx.i18n),
    })
    const result = await accounts.create(details.order, password)
    if (result.kind === 'email_taken') {
      ctx.session.flash('error', ctx.i18n.t('orders.account_exists'))
      return redirectToPage(
        ctx,
        `/account/login?next=${encodeURIComponent(`/orders/${details.order.number}`)}`
      )
    }
    await signIn.signIn(ctx, result.customer)
    ctx.session.flash('notice', ctx.i18n.t('orders.account_created'))
    return redirectToPage(ctx, '/account')
  }

  private async accessible(ctx: HttpContext): Promise<OrderDetails> {
    const details = await orderDetails(String(ctx.params.number))
    if (!details || !(await canAccessOrder(ctx, details.order))) throw OrderException.notFound()
    // A valid tracking link also lets this browser act on the order afterwards.
    recordPlacedOrder(ctx, details.order)
    return details
  }

  private async unpaid(ctx: HttpContext) {
    const details = await this.accessible(ctx)
    if (details.order.status !== 'pending_payment')
      throw OrderException.notPayable(details.order.number)
    return details
  }

  private async optionsFor({ order, lines }: OrderDetails, ctx: HttpContext) {
    const snapshot = orderSnapshot(order, lines)
    return this.paymentOptions.for(
      {
        cart: snapshot.cart,
        total: snapshot.total,
        billingCountryCode: order.billingAddress.countryCode,
        shippingMethodCode: order.shippingMethodCode,
      },
      shopperLocale(ctx)
    )
  }

  private pageData(details: OrderDetails) {
    return {
      ...details,
      recap: recapOfOrder(details.order, details.lines),
      trackingUrl: trackingUrl(details.order),
    }
  }
}
