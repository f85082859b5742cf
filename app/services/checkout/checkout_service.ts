import { inject } from '@adonisjs/core'
import type { Address, CartSnapshot, Locale } from '@comptoir/contracts/commerce'
import type { PickupPoint } from '@comptoir/contracts/shipping_method'
import type Cart from '#models/cart'
import { orderTotals, type OrderTotals } from '#domain/order_totals'
import { cartItems, type CartItem } from '#services/cart/cart_contents'
import CouponService, { type CouponCheck } from '#services/coupon_service'
import ShippingOffers, { type ShippingOffer } from '#services/checkout/shipping_offers'
import PaymentOptions, { type PaymentOption } from '#services/checkout/payment_options'
import type { CheckoutStep } from '#domain/checkout_steps'

/** A cart line with its share of the coupon. */
export interface PricedItem extends CartItem {
  readonly discount: number
  /** unitPrice × quantity − discount. */
  readonly lineTotal: number
}

/** A line the shopper must fix before ordering. */
export interface CartProblem {
  readonly variantId: number
  readonly name: string
  readonly kind: 'unavailable' | 'stock'
  readonly available: number
}

export interface ChosenShipping {
  readonly offer: ShippingOffer
  readonly pickupPoint: PickupPoint | null
}

/**
 * Everything the cart page and each tunnel step show, computed the same way
 * for all of them and for the order itself: lines at live prices, the coupon,
 * the delivery options for the address given, the payment methods for the
 * delivery chosen, and the totals with VAT per rate.
 */
export interface CheckoutSummary {
  readonly currency: string
  readonly items: readonly PricedItem[]
  readonly problems: readonly CartProblem[]
  readonly coupon: { readonly code: string; readonly check: CouponCheck } | null
  /** Options for the delivery address, or for France while none is given. */
  readonly offers: readonly ShippingOffer[]
  readonly shipping: ChosenShipping | null
  readonly payments: readonly PaymentOption[]
  readonly payment: PaymentOption | null
  readonly email: string | null
  readonly shippingAddress: Address | null
  readonly billingAddress: Address | null
  /** Shipping counted: the chosen option's price, or none while no option is chosen. */
  readonly totals: OrderTotals
  readonly freeShipping: boolean
  /** The first step still to complete, or 'review'. */
  readonly nextStep: CheckoutStep
}

export interface Shopper {
  readonly customerId: number | null
  readonly email: string | null
}

/** Where prices are estimated before the shopper gives an address. */
const ESTIMATE_DESTINATION: Address = { countryCode: 'FR', postalCode: '', city: '', lines: [] }

@inject()
export default class CheckoutService {
  constructor(
    protected coupons: CouponService,
    protected shippingOffers: ShippingOffers,
    protected paymentOptions: PaymentOptions
  ) {}

  async summary(cart: Cart, locale: Locale, shopper: Shopper): Promise<CheckoutSummary> {
    const state = cart.checkout ?? {}
    const email = shopper.email ?? state.email ?? null
    const items = await cartItems(cart, locale, shopper)
    const problems = this.problems(items)
    const coupon = await this.evaluateCoupon(cart, items, { customerId: shopper.customerId, email })
    const applied = coupon?.check.kind === 'applied' ? coupon.check : null
    const priced = items.map((item): PricedItem => {
      const discount =
        applied?.lineDiscounts.find((line) => line.lineKey === String(item.variantId))?.amount ?? 0
      return { ...item, discount, lineTotal: item.unitPrice * item.quantity - discount }
    })
    const freeShipping = applied?.freeShipping ?? false

    const snapshot = this.snapshot(cart, priced, locale, email)
    const shippingAddress = state.shippingAddress ?? null
    const offers = items.length
      ? await this.shippingOffers.for(
          snapshot,
          items,
          shippingAddress ?? ESTIMATE_DESTINATION,
          locale
        )
      : []
    const shipping = shippingAddress ? this.chosenShipping(offers, state.shipping) : null
    const shippingPrice = shipping && !freeShipping ? shipping.offer.price : 0
    const totals = orderTotals(priced, shippingPrice)

    const billingAddress = state.billingAddress ?? shippingAddress
    const payments = shipping
      ? await this.paymentOptions.for(
          {
            cart: snapshot,
            total: { amount: totals.total, currency: cart.currency },
            billingCountryCode: billingAddress?.countryCode ?? null,
            shippingMethodCode: shipping.offer.code,
          },
          locale
        )
      : []
    const payment = payments.find((option) => option.code === state.paymentMethodCode) ?? null

    return {
      currency: cart.currency,
      items: priced,
      problems,
      coupon,
      offers,
      shipping,
      payments,
      payment,
      email,
      shippingAddress,
      billingAddress,
      totals,
      freeShipping,
      nextStep: !email
        ? 'identification'
        : !shippingAddress
          ? 'addresses'
          : !shipping
            ? 'delivery'
            : !payment
              ? 'payment'
              : 'review',
    }
  }

  /** The cart as plugins see it: plain data, discounts included. */
  snapshot(
    cart: Cart,
    items: readonly PricedItem[],
    locale: Locale,
    email: string | null
  ): CartSnapshot {
    return {
      currency: cart.currency,
      locale,
      lines: items.map((item) => ({
        variantId: item.variantId,
        productId: item.productId,
        sku: item.sku,
        name: item.name,
        quantity: item.quantity,
        unitPrice: { amount: item.unitPrice, currency: item.currency },
        unitWeightGrams: item.weightGrams,
      })),
      subtotal: {
        amount: items.reduce((sum, item) => sum + item.lineTotal, 0),
        currency: cart.currency,
      },
      ...(email ? { customerEmail: email } : {}),
    }
  }

  private problems(items: readonly CartItem[]): CartProblem[] {
    return items.flatMap((item): CartProblem[] => {
      if (!item.purchasable) {
        return [{ variantId: item.variantId, name: item.name, kind: 'unavailable', available: 0 }]
      }
      if (item.available < item.quantity) {
        return [
          { variantId: item.variantId, name: item.name, kind: 'stock', available: item.available },
        ]
      }
      return []
    })
  }

  private async evaluateCoupon(
    cart: Cart,
    items: readonly CartItem[],
    customer: { customerId: number | null; email: string | null }
  ) {
    if (!cart.couponCode || !items.length) return null
    const lines = items.map((item) => ({
      lineKey: String(item.variantId),
      productId: item.productId,
      lineTotal: item.unitPrice * item.quantity,
    }))
    const check = await this.coupons.evaluate(cart.couponCode, {
      lines,
      subtotal: lines.reduce((sum, line) => sum + line.lineTotal, 0),
      currency: cart.currency,
      customer,
    })
    return { code: cart.couponCode, check }
  }

  /**
   * The option the shopper picked, if it is still offered (and, for a pickup
   * method, the point picked, if it can still serve the cart).
   */
  private chosenShipping(
    offers: readonly ShippingOffer[],
    choice: { methodCode: string; pickupPointCode?: string } | undefined
  ): ChosenShipping | null {
    const offer = offers.find((candidate) => candidate.code === choice?.methodCode)
    if (!offer) return null
    if (offer.service !== 'pickup') return { offer, pickupPoint: null }
    const pickupPoint = offer.pickupPoints.find((point) => point.code === choice?.pickupPointCode)
    return pickupPoint ? { offer, pickupPoint } : null
  }
}
