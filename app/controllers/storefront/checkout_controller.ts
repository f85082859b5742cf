import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type Cart from '#models/cart'
import CheckoutException from '#exceptions/checkout_exception'
import { CHECKOUT_STEPS, type CheckoutStep } from '#domain/checkout_steps'
import CartService from '#services/cart/cart_service'
import CheckoutAddresses from '#services/checkout/checkout_addresses'
import ShippingGaps from '#services/checkout/shipping_gaps'
import CheckoutService, { type CheckoutSummary } from '#services/checkout/checkout_service'
import OrderingReadiness from '#services/checkout/ordering_readiness'
import OrderPlacement from '#services/orders/order_placement'
import OrderPayments from '#services/orders/order_payments'
import SettingsService from '#services/settings_service'
import MarketingConsents from '#services/privacy/marketing_consents'
import { countryOptions } from '#domain/countries'
import { recordPlacedOrder, paymentRedirect } from '#support/order_access'
import { recapOfSummary } from '#support/order_recap'
import { addressFromFields, fieldsFromAddress } from '#support/postal_address'
import { currentCart, redirectToPage, shopperLocale, shopperOf } from '#support/shopper'
import { addressMessages } from '#validators/address'
import {
  checkoutEmailValidator,
  deliveryAddressValidator,
  deliveryAndBillingValidator,
  paymentChoiceValidator,
  placeOrderValidator,
  shippingChoiceValidator,
} from '#validators/checkout'
import { marketingOptInValidator } from '#validators/privacy'

/**
 * The checkout tunnel: identification, addresses, delivery, payment, review.
 * Every step reads and writes the cart's checkout state, so the back button,
 * a reload or an error never lose what the shopper typed, and a step whose
 * earlier steps are missing sends the shopper back to the first one missing.
 */
@inject()
export default class CheckoutController {
  constructor(
    protected carts: CartService,
    protected checkout: CheckoutService,
    protected addressBook: CheckoutAddresses,
    protected readiness: OrderingReadiness,
    protected placement: OrderPlacement,
    protected orderPayments: OrderPayments,
    protected settings: SettingsService,
    protected shippingGaps: ShippingGaps
  ) {}

  async start(ctx: HttpContext) {
    const { summary } = await this.load(ctx)
    return redirectToPage(ctx, `/checkout/${summary.nextStep}`)
  }

  async identification(ctx: HttpContext) {
    const { summary } = await this.load(ctx)
    const shopper = await shopperOf(ctx)
    if (shopper.customerId) return redirectToPage(ctx, '/checkout/addresses')
    return this.render(ctx, 'identification', summary)
  }

  /** The guest's e-mail, and their marketing consent when they tick its box. */
  @inject()
  async saveIdentification(ctx: HttpContext, consents: MarketingConsents) {
    const { email } = await ctx.request.validateUsing(checkoutEmailValidator)
    const { marketing_opt_in: optIn } = await ctx.request.validateUsing(marketingOptInValidator)
    const { cart } = await this.load(ctx)
    await this.carts.saveCheckout(cart, { email })
    if (optIn) await consents.optIn({ email, source: 'checkout' })
    return redirectToPage(ctx, '/checkout/addresses')
  }

  async addresses(ctx: HttpContext) {
    const { cart, summary } = await this.load(ctx, 'addresses')
    const { customerId } = await shopperOf(ctx)
    const saved = customerId ? await this.addressBook.defaults(customerId) : {}
    const delivery = summary.shippingAddress ?? saved.delivery
    const billing = summary.billingAddress ?? saved.billing ?? delivery
    return this.render(ctx, 'addresses', summary, {
      delivery: delivery ? fieldsFromAddress(delivery) : { countryCode: 'FR' },
      billing: billing ? fieldsFromAddress(billing) : { countryCode: 'FR' },
      billingSame: !cart.checkout?.billingAddress,
      countries: countryOptions(shopperLocale(ctx)),
    })
  }

  async saveAddresses(ctx: HttpContext) {
    const { cart } = await this.load(ctx, 'addresses')
    const billingSame = ctx.request.input('billing_same') !== undefined
    const messagesProvider = addressMessages(ctx.i18n)
    const { delivery, billing } = billingSame
      ? {
          ...(await ctx.request.validateUsing(deliveryAddressValidator, { messagesProvider })),
          billing: null,
        }
      : await ctx.request.validateUsing(deliveryAndBillingValidator, { messagesProvider })
    await this.carts.saveCheckout(cart, {
      shippingAddress: addressFromFields(delivery),
      billingAddress: billing ? addressFromFields(billing) : null,
    })
    const { customerId } = await shopperOf(ctx)
    if (customerId)
      await this.addressBook.remember(customerId, billing ? [delivery, billing] : [delivery])
    return redirectToPage(ctx, '/checkout/delivery')
  }

  async delivery(ctx: HttpContext) {
    const { cart, summary } = await this.load(ctx, 'delivery')
    if (!summary.offers.length) {
      await this.shippingGaps.record(
        this.checkout.snapshot(cart, summary.items, shopperLocale(ctx), summary.email),
        summary.shippingAddress!
      )
    }
    const seller = await this.settings.sellerIdentity()
    return this.render(ctx, 'delivery', summary, {
      choice: cart.checkout?.shipping ?? null,
      contactEmail: seller?.email ?? null,
    })
  }

  async saveDelivery(ctx: HttpContext) {
    const choice = await ctx.request.validateUsing(shippingChoiceValidator)
    const { cart, summary } = await this.load(ctx, 'delivery')
    const offer = summary.offers.find((candidate) => candidate.code === choice.shipping_method)
    if (!offer) throw CheckoutException.shippingUnavailable()
    const pickupPoint = offer.pickupPoints.find((point) => point.code === choice.pickup_point)
    if (offer.service === 'pickup' && !pickupPoint) throw CheckoutException.pickupPointMissing()
    await this.carts.saveCheckout(cart, {
      shipping: {
        methodCode: offer.code,
        ...(pickupPoint ? { pickupPointCode: pickupPoint.code } : {}),
      },
    })
    return redirectToPage(ctx, '/checkout/payment')
  }

  async payment(ctx: HttpContext) {
    const { summary } = await this.load(ctx, 'payment')
    return this.render(ctx, 'payment', summary)
  }

  async savePayment(ctx: HttpContext) {
    const { payment_method: code } = await ctx.request.validateUsing(paymentChoiceValidator)
    const { cart, summary } = await this.load(ctx, 'payment')
    if (!summary.payments.some((option) => option.code === code)) {
      throw CheckoutException.paymentUnavailable()
    }
    await this.carts.saveCheckout(cart, { paymentMethodCode: code })
    return redirectToPage(ctx, '/checkout/review')
  }

  async review(ctx: HttpContext) {
    const { summary } = await this.load(ctx, 'review')
    return this.render(ctx, 'review', summary, { readiness: await this.readiness.check() })
  }

  /**
   * Places the order, then starts its payment. A refusal comes back to the
   * step that can fix it (CheckoutException) with the cart untouched.
   */
  async place(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(placeOrderValidator)
    const { cart } = await this.load(ctx, 'review')
    const locale = shopperLocale(ctx)
    const order = await this.placement.place(cart, {
      locale,
      shopper: await shopperOf(ctx),
      ip: ctx.request.ip(),
      termsAccepted: input.accept_terms === true,
      expectedTotal: input.expected_total,
    })
    recordPlacedOrder(ctx, order)
    const start = await this.orderPayments.start(order, locale)
    return paymentRedirect(ctx, order, start)
  }

  /**
   * The cart and its summary. Steps after identification need the earlier
   * steps done; an empty cart goes back to the cart page.
   */
  private async load(
    ctx: HttpContext,
    step?: CheckoutStep
  ): Promise<{ cart: Cart; summary: CheckoutSummary }> {
    const cart = await currentCart(ctx, this.carts)
    if (!cart) throw CheckoutException.emptyCart()
    const summary = await this.checkout.summary(cart, shopperLocale(ctx), await shopperOf(ctx))
    if (!summary.items.length) throw CheckoutException.emptyCart()
    if (step && CHECKOUT_STEPS.indexOf(step) > CHECKOUT_STEPS.indexOf(summary.nextStep)) {
      throw CheckoutException.stepMissing(summary.nextStep)
    }
    return { cart, summary }
  }

  private render(ctx: HttpContext, step: CheckoutStep, summary: CheckoutSummary, data = {}) {
    return ctx.view.render(`pages/storefront/checkout/${step}`, {
      step,
      steps: CHECKOUT_STEPS,
      summary,
      recap: recapOfSummary(summary),
      ...data,
    })
  }
}
