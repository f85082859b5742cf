import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import type Customer from '#models/customer'
import CartService from '#services/cart/cart_service'
import { CART_COOKIE, forgetCart, rememberCart } from '#support/shopper'

/**
 * The one way a shopper becomes signed in on the storefront (after logging
 * in, after registering and after resetting their password) and signed out.
 * Whatever must happen at those moments belongs here and nowhere else.
 */
@inject()
export default class CustomerSignIn {
  constructor(protected carts: CartService) {}

  /**
   * Signs the customer in and carries on with the cart of this visit, merged
   * into the one their account already had (on another device, say).
   */
  async signIn(ctx: HttpContext, customer: Customer) {
    // A fresh session id, so an id planted before sign-in is worthless
    // (session fixation). The session's data is kept.
    ctx.session.regenerate()
    await ctx.auth.use('customer').login(customer)
    // Inactivity is counted from here (LEGAL.md R-05); coming back cancels a warning.
    customer.merge({ lastActivityAt: DateTime.now(), inactivityWarnedAt: null })
    await customer.save()
    const visitorCart = await this.carts.findByToken(ctx.request.cookie(CART_COOKIE))
    const cart = await this.carts.attachToCustomer(visitorCart, customer.id)
    if (cart) rememberCart(ctx, cart)
  }

  /**
   * Signs out, and lets go of the account's cart on this browser: the next
   * person at a shared computer starts with an empty one.
   */
  async signOut(ctx: HttpContext) {
    await ctx.auth.use('customer').logout()
    forgetCart(ctx)
  }
}
