import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import type { I18n } from '@adonisjs/i18n'
import type { CheckoutStep } from '#domain/checkout_steps'
import type { CouponRefusal } from '#domain/coupons'
import type { OrderingBlocker } from '#services/checkout/ordering_readiness'
import { refusalMessage } from '#support/coupon_messages'
import { localizedPath, type Locale } from '#support/locale_paths'

/**
 * Why an order cannot be placed (or a step not passed) as the shopper asked.
 * Each refusal has a stable code, a translation key with its values, and the
 * page that lets the shopper fix it; nothing of the cart is lost.
 */
export default class CheckoutException extends Exception {
  static status = 409

  constructor(
    message: string,
    readonly options: {
      code: string
      key: string
      values?: Record<string, unknown>
      /** For messages built from more than a key and values. */
      translate?: (i18n: I18n) => string
      /** Where the shopper fixes it: a tunnel step, or the cart. */
      back: CheckoutStep | 'cart'
      status?: number
    }
  ) {
    super(message, { code: options.code, status: options.status ?? CheckoutException.status })
  }

  static emptyCart() {
    return new CheckoutException('The cart is empty', {
      code: 'E_CHECKOUT_EMPTY_CART',
      key: 'checkout.errors.empty_cart',
      back: 'cart',
    })
  }

  static stockUnavailable(name: string, available: number) {
    return new CheckoutException(`Only ${available} of "${name}" left`, {
      code: 'E_CHECKOUT_STOCK_UNAVAILABLE',
      key: available > 0 ? 'checkout.errors.stock_limited' : 'checkout.errors.out_of_stock',
      values: { name, available },
      back: 'cart',
    })
  }

  static productUnavailable(name: string) {
    return new CheckoutException(`"${name}" is no longer for sale`, {
      code: 'E_CHECKOUT_PRODUCT_UNAVAILABLE',
      key: 'checkout.errors.product_unavailable',
      values: { name },
      back: 'cart',
    })
  }

  static stepMissing(step: CheckoutStep) {
    return new CheckoutException(`Checkout step "${step}" is not complete`, {
      code: 'E_CHECKOUT_STEP_MISSING',
      key: `checkout.errors.step_missing.${step}`,
      back: step,
    })
  }

  static shippingUnavailable() {
    return new CheckoutException('The delivery method chosen no longer serves this cart', {
      code: 'E_CHECKOUT_SHIPPING_UNAVAILABLE',
      key: 'checkout.errors.shipping_unavailable',
      back: 'delivery',
    })
  }

  static pickupPointMissing() {
    return new CheckoutException('A pickup method was chosen without a pickup point', {
      code: 'E_CHECKOUT_PICKUP_POINT_MISSING',
      key: 'checkout.errors.pickup_point_missing',
      back: 'delivery',
      status: 422,
    })
  }

  static paymentUnavailable() {
    return new CheckoutException('The payment method chosen is not available for this order', {
      code: 'E_CHECKOUT_PAYMENT_UNAVAILABLE',
      key: 'checkout.errors.payment_unavailable',
      back: 'payment',
    })
  }

  static couponRefused(refusal: CouponRefusal) {
    return new CheckoutException(`Coupon refused: ${refusal.reason}`, {
      code: 'E_CHECKOUT_COUPON_REFUSED',
      key: 'checkout.errors.coupon_refused',
      translate: (i18n) => refusalMessage(i18n, refusal),
      back: 'cart',
    })
  }

  static termsNotAccepted() {
    return new CheckoutException('The terms of sale were not accepted', {
      code: 'E_CHECKOUT_TERMS_NOT_ACCEPTED',
      key: 'checkout.errors.terms_not_accepted',
      back: 'review',
      status: 422,
    })
  }

  /** No CGV in force, or no seller identity: the merchant has to finish setting up. */
  static shopNotReady(blocker: OrderingBlocker) {
    return new CheckoutException(`The shop cannot take orders yet: ${blocker}`, {
      code: 'E_CHECKOUT_SHOP_NOT_READY',
      key: 'checkout.errors.shop_not_ready',
      back: 'cart',
      status: 503,
    })
  }

  static totalChanged() {
    return new CheckoutException('The total changed since the shopper reviewed it', {
      code: 'E_CHECKOUT_TOTAL_CHANGED',
      key: 'checkout.errors.total_changed',
      back: 'review',
    })
  }

  /**
   * Shows the translated reason on the page where the shopper can act on it.
   */
  async handle(error: this, ctx: HttpContext) {
    const { back, key, values, translate } = error.options
    ctx.session.flash('error', translate ? translate(ctx.i18n) : ctx.i18n.t(key, values))
    const path = back === 'cart' ? '/cart' : `/checkout/${back}`
    return ctx.response.redirect(localizedPath(path, ctx.i18n.locale as Locale))
  }
}
