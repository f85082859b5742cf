import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Cart from '#models/cart'
import CartLine from '#models/cart_line'
import type Order from '#models/order'
import Variant from '#models/variant'
import { sellableStock } from '#services/cart/sellable_stock'
import type { CheckoutState } from '#services/checkout/checkout_state'
import { sqlTimestamp } from '#support/sql_timestamp'

/** A line never holds more than this; bigger orders go through the merchant. */
export const MAX_LINE_QUANTITY = 99

export type CartChange =
  | { kind: 'updated'; quantity: number }
  /** Fewer than asked were left: the line holds what there is. */
  | { kind: 'limited'; quantity: number; available: number }
  | { kind: 'out_of_stock' }
  /** The variant is not for sale (unknown, disabled, or its product is). */
  | { kind: 'unavailable' }

/**
 * Writes carts: lines checked against sellable stock, checkout progress, and
 * the merge of a visitor's cart into the customer's when they sign in.
 */
export default class CartService {
  async findByToken(token: string | null | undefined): Promise<Cart | null> {
    if (!token) return null
    return Cart.findBy('token', token)
  }

  async forCustomer(customerId: number): Promise<Cart | null> {
    return Cart.findBy('customer_id', customerId)
  }

  /** Units in the visitor's cart (the header's count): their cookie's cart, else their account's. */
  async unitCount(token: string | null, customerId: number | null): Promise<number> {
    if (!token && !customerId) return 0
    const row = await db
      .from('cart_lines')
      .join('carts', 'carts.id', 'cart_lines.cart_id')
      .where((query) => {
        if (token) query.where('carts.token', token)
        else query.where('carts.customer_id', customerId!)
      })
      .sum('cart_lines.quantity as units')
      .first()
    return Number(row?.units ?? 0)
  }

  async create(currency = 'EUR'): Promise<Cart> {
    return Cart.create({ token: randomBytes(24).toString('base64url'), currency })
  }

  /** Adds units of a variant to what the line already holds. */
  async add(cart: Cart, variantId: number, quantity: number): Promise<CartChange> {
    const line = await CartLine.query().where({ cartId: cart.id, variantId }).first()
    return this.setQuantity(cart, variantId, (line?.quantity ?? 0) + quantity)
  }

  /**
   * Sets a line's quantity (0 removes it), holding no more than can be sold.
   */
  async setQuantity(cart: Cart, variantId: number, quantity: number): Promise<CartChange> {
    if (quantity <= 0) {
      await this.remove(cart, variantId)
      return { kind: 'updated', quantity: 0 }
    }
    const variant = await Variant.query()
      .where('id', variantId)
      .where('enabled', true)
      .whereHas('product', (product) => product.where('enabled', true))
      .first()
    if (!variant || variant.currency !== cart.currency) return { kind: 'unavailable' }

    const { total: available } = (await sellableStock([variantId]))(variantId)
    if (available <= 0) return { kind: 'out_of_stock' }
    const wanted = Math.min(quantity, MAX_LINE_QUANTITY)
    const kept = Math.min(wanted, available)
    await this.writeLine(cart, variantId, kept)
    await this.touch(cart)
    return kept < wanted
      ? { kind: 'limited', quantity: kept, available }
      : { kind: 'updated', quantity: kept }
  }

  /**
   * Puts an order the shopper gave up paying (a refused card, going back)
   * back into the cart: its lines, its coupon, and the checkout answers
   * (e-mail, addresses, delivery, payment method), so the tunnel resumes at
   * the review step. Lines go through `add`, each as far as stock allows.
   */
  async restoreOrder(
    cart: Cart,
    order: Pick<
      Order,
      | 'email'
      | 'shippingAddress'
      | 'billingAddress'
      | 'shippingMethodCode'
      | 'pickupPoint'
      | 'paymentMethodCode'
      | 'couponCode'
    >,
    lines: readonly { variantId: number | null; quantity: number }[]
  ) {
    for (const line of lines) {
      if (line.variantId !== null) await this.add(cart, line.variantId, line.quantity)
    }
    cart.couponCode = order.couponCode
    const { shippingMethodCode, pickupPoint } = order
    await this.saveCheckout(cart, {
      email: order.email,
      ...(order.shippingAddress ? { shippingAddress: order.shippingAddress } : {}),
      billingAddress: order.billingAddress,
      ...(shippingMethodCode
        ? {
            shipping: {
              methodCode: shippingMethodCode,
              ...(pickupPoint ? { pickupPointCode: pickupPoint.code } : {}),
            },
          }
        : {}),
      paymentMethodCode: order.paymentMethodCode,
    })
  }

  async remove(cart: Cart, variantId: number) {
    await CartLine.query().where({ cartId: cart.id, variantId }).delete()
    await this.touch(cart)
  }

  async setCoupon(cart: Cart, code: string | null) {
    cart.couponCode = code
    await cart.save()
  }

  /** Merges what the shopper told the checkout into what the cart keeps. */
  async saveCheckout(cart: Cart, changes: Partial<CheckoutState>) {
    cart.checkout = { ...cart.checkout, ...changes }
    await cart.save()
  }

  /**
   * The cart a customer continues with after signing in: the one their account
   * already had, with the lines of this visit added (quantities summed, up to
   * the line limit), or this visit's cart, now theirs. The visitor's cart goes.
   */
  async attachToCustomer(visitorCart: Cart | null, customerId: number): Promise<Cart | null> {
    return db.transaction(async (trx) => {
      const customerCart = await Cart.query({ client: trx })
        .where('customer_id', customerId)
        .first()
      if (!visitorCart || visitorCart.id === customerCart?.id) return customerCart
      visitorCart.useTransaction(trx)
      if (!customerCart) {
        visitorCart.customerId = customerId
        await visitorCart.save()
        return visitorCart
      }
      const visitLines = await CartLine.query({ client: trx }).where('cart_id', visitorCart.id)
      for (const line of visitLines) {
        const existing = await CartLine.query({ client: trx })
          .where({ cartId: customerCart.id, variantId: line.variantId })
          .first()
        await CartLine.updateOrCreate(
          { cartId: customerCart.id, variantId: line.variantId },
          { quantity: Math.min((existing?.quantity ?? 0) + line.quantity, MAX_LINE_QUANTITY) },
          { client: trx }
        )
      }
      customerCart.useTransaction(trx)
      customerCart.couponCode ??= visitorCart.couponCode
      customerCart.checkout = { ...customerCart.checkout, ...visitorCart.checkout }
      await customerCart.save()
      await visitorCart.delete()
      return customerCart
    })
  }

  /**
   * One upsert on the (cart, variant) unique key. A look-up then insert under
   * a row lock (Lucid's updateOrCreate) makes MariaDB deadlock when shoppers
   * add to their carts at the same moment: both hold the index gap, both wait
   * to insert into it (found by the load test).
   */
  private async writeLine(cart: Cart, variantId: number, quantity: number) {
    const now = sqlTimestamp()
    await db
      .table('cart_lines')
      .insert({
        cart_id: cart.id,
        variant_id: variantId,
        quantity,
        created_at: now,
        updated_at: now,
      })
      .onConflict(['cart_id', 'variant_id'])
      .merge(['quantity', 'updated_at'])
  }

  /** Marks the cart as used now, even when only its lines changed. */
  private async touch(cart: Cart) {
    cart.updatedAt = DateTime.now()
    await cart.save()
  }
}
