import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CartService, { type CartChange } from '#services/cart/cart_service'
import CheckoutService from '#services/checkout/checkout_service'
import PaymentOptions from '#services/checkout/payment_options'
import { normalizeCouponCode } from '#domain/coupons'
import { refusalMessage } from '#support/coupon_messages'
import {
  cartOrCreate,
  currentCart,
  redirectToPage,
  shopperLocale,
  shopperOf,
} from '#support/shopper'
import {
  addToCartValidator,
  cartLineQuantityValidator,
  couponCodeValidator,
} from '#validators/cart'

@inject()
export default class CartController {
  constructor(
    protected carts: CartService,
    protected checkout: CheckoutService,
    protected paymentOptions: PaymentOptions
  ) {}

  /**
   * What the shopper will pay before the tunnel starts: lines, coupon, the
   * cheapest delivery, totals, and the payment methods accepted (LEGAL.md P-04).
   */
  async show(ctx: HttpContext) {
    const locale = shopperLocale(ctx)
    const cart = await currentCart(ctx, this.carts)
    const summary = cart ? await this.checkout.summary(cart, locale, await shopperOf(ctx)) : null
    return ctx.view.render('pages/storefront/cart', {
      summary,
      couponMessage:
        summary?.coupon?.check.kind === 'refused'
          ? refusalMessage(ctx.i18n, summary.coupon.check)
          : null,
      acceptedPayments: await this.paymentOptions.accepted(locale),
    })
  }

  async add(ctx: HttpContext) {
    const { variant_id: variantId, quantity } = await ctx.request.validateUsing(addToCartValidator)
    const cart = await cartOrCreate(ctx, this.carts)
    this.flashChange(ctx, await this.carts.add(cart, variantId, quantity ?? 1), 'added')
    return redirectToPage(ctx, '/cart')
  }

  async update(ctx: HttpContext) {
    const { quantity } = await ctx.request.validateUsing(cartLineQuantityValidator)
    const cart = await currentCart(ctx, this.carts)
    if (cart) {
      const variantId = Number(ctx.params.variantId)
      this.flashChange(ctx, await this.carts.setQuantity(cart, variantId, quantity), 'updated')
    }
    return redirectToPage(ctx, '/cart')
  }

  async remove(ctx: HttpContext) {
    const cart = await currentCart(ctx, this.carts)
    if (cart) {
      await this.carts.remove(cart, Number(ctx.params.variantId))
      ctx.session.flash('notice', ctx.i18n.t('checkout.cart.removed'))
    }
    return redirectToPage(ctx, '/cart')
  }

  /**
   * Applies a code when it gives this cart something; otherwise says why and
   * keeps the cart as it was.
   */
  async applyCoupon(ctx: HttpContext) {
    const { code } = await ctx.request.validateUsing(couponCodeValidator)
    const cart = await currentCart(ctx, this.carts)
    if (!cart) return redirectToPage(ctx, '/cart')
    const previous = cart.couponCode
    await this.carts.setCoupon(cart, normalizeCouponCode(code))
    const summary = await this.checkout.summary(cart, shopperLocale(ctx), await shopperOf(ctx))
    const check = summary.coupon?.check
    if (check?.kind === 'applied') {
      ctx.session.flash('notice', ctx.i18n.t('checkout.coupon.applied', { code: check.code }))
    } else {
      await this.carts.setCoupon(cart, previous)
      if (check) ctx.session.flash('error', refusalMessage(ctx.i18n, check))
    }
    return redirectToPage(
      ctx,
      ctx.request.input('return_to') === 'review' ? '/checkout/review' : '/cart'
    )
  }

  async removeCoupon(ctx: HttpContext) {
    const cart = await currentCart(ctx, this.carts)
    if (cart) await this.carts.setCoupon(cart, null)
    return redirectToPage(ctx, '/cart')
  }

  private flashChange(ctx: HttpContext, change: CartChange, done: 'added' | 'updated') {
    const { session, i18n } = ctx
    switch (change.kind) {
      case 'updated':
        return session.flash('notice', i18n.t(`checkout.cart.${done}`))
      case 'limited':
        return session.flash('error', i18n.t('checkout.cart.limited', { count: change.available }))
      case 'out_of_stock':
        return session.flash('error', i18n.t('checkout.cart.out_of_stock'))
      case 'unavailable':
        return session.flash('error', i18n.t('checkout.cart.unavailable'))
    }
  }
}
