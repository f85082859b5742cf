import db from '@adonisjs/lucid/services/db'
import Customer from '#models/customer'
import Order from '#models/order'
import type { Locale } from '#support/locale_paths'

export type GuestAccountResult = { kind: 'created'; customer: Customer } | { kind: 'email_taken' }

/**
 * Turns a guest's order into an account: the e-mail and name given at
 * checkout, the password chosen now, and this order in its history. Only the
 * browser that placed the order may ask (the caller checks), so no one else's
 * orders come with it; an e-mail that already has an account signs in instead.
 */
export default class GuestOrderAccount {
  async create(order: Order, password: string): Promise<GuestAccountResult> {
    return db.transaction(async (trx) => {
      if (await Customer.query({ client: trx }).where('email', order.email).first()) {
        return { kind: 'email_taken' }
      }
      const customer = await Customer.create(
        {
          email: order.email,
          password,
          firstName: order.billingAddress.firstName ?? '',
          lastName: order.billingAddress.lastName ?? '',
          phone: order.billingAddress.phone ?? null,
          locale: order.locale as Locale,
        },
        { client: trx }
      )
      await Order.query({ client: trx })
        .where('id', order.id)
        .whereNull('customer_id')
        .update({ customerId: customer.id })
      return { kind: 'created', customer }
    })
  }
}
