import type { HttpContext } from '@adonisjs/core/http'
import type Cart from '#models/cart'
import type { Locale } from '#support/locale_paths'
import { localizedPath } from '#support/locale_paths'
import type CartService from '#services/cart/cart_service'
import type { Shopper } from '#services/checkout/checkout_service'

/** The signed cookie naming the visitor's cart. */
export const CART_COOKIE = 'cart'
const CART_COOKIE_AGE = '90d'

/**
 * The storefront's view of who is shopping, for controllers: the signed-in
 * customer (if any), their cart, and the page language. HTTP only: the
 * services below never see the request.
 */
export async function shopperOf(ctx: HttpContext): Promise<Shopper> {
  const customer = (await ctx.auth.use('customer').check()) ? ctx.auth.use('customer').user : null
  return { customerId: customer?.id ?? null, email: customer?.email ?? null }
}

export function shopperLocale(ctx: HttpContext): Locale {
  return ctx.i18n.locale as Locale
}

/**
 * The visitor's cart: the one their cookie names or, without a cookie, their
 * account's. Null until they add something.
 */
export async function currentCart(ctx: HttpContext, carts: CartService): Promise<Cart | null> {
  const fromCookie = await carts.findByToken(ctx.request.cookie(CART_COOKIE))
  if (fromCookie) return fromCookie
  const { customerId } = await shopperOf(ctx)
  const cart = customerId ? await carts.forCustomer(customerId) : null
  if (cart) rememberCart(ctx, cart)
  return cart
}

export async function cartOrCreate(ctx: HttpContext, carts: CartService): Promise<Cart> {
  const existing = await currentCart(ctx, carts)
  if (existing) return existing
  const { customerId } = await shopperOf(ctx)
  const cart = await carts.create()
  if (customerId) await carts.attachToCustomer(cart, customerId)
  rememberCart(ctx, cart)
  return cart
}

export function rememberCart(ctx: HttpContext, cart: Cart) {
  ctx.response.cookie(CART_COOKIE, cart.token, {
    maxAge: CART_COOKIE_AGE,
    httpOnly: true,
    sameSite: 'lax',
  })
}

export function forgetCart(ctx: HttpContext) {
  ctx.response.clearCookie(CART_COOKIE)
}

/** A redirect to a storefront page in the shopper's language. */
export function redirectToPage(ctx: HttpContext, path: string) {
  return ctx.response.redirect(localizedPath(path, shopperLocale(ctx)))
}
