import db from '@adonisjs/lucid/services/db'
import Cart from '#models/cart'
import Customer from '#models/customer'
import CustomerAddress from '#models/customer_address'
import CustomerNote from '#models/customer_note'
import Order from '#models/order'
import { lowerJoined } from '#support/json_sql'

export const CUSTOMER_PAGE_SIZE = 25
/** Orders listed on a customer's page; the order grid filtered on them shows more. */
export const CUSTOMER_ORDERS_SHOWN = 50

export interface CustomerOrderStats {
  orders: number
  /** What paid orders cost, cancelled and refunded ones left out (minor units). */
  spent: number
}

/**
 * Customer accounts as staff see them: the list with what each ordered, and
 * one customer's profile, addresses, cart, orders and staff notes. Orders
 * placed as a guest with the account's e-mail count as theirs too: the same
 * person, who had not signed in.
 */
export default class CustomerDirectory {
  async list(query: { q?: string; page: number }) {
    const builder = Customer.query()
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`
      const name = lowerJoined(db.connection(), ['first_name', 'last_name'])
      builder.where((where) =>
        where
          .whereRaw(`lower(email) like ? escape '!'`, [like])
          .orWhereRaw(`${name} like ? escape '!'`, [like])
      )
    }
    const customers = await builder
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(query.page, CUSTOMER_PAGE_SIZE)
    return { customers, stats: await this.stats(customers.all()) }
  }

  async profile(customerId: number, locale: string) {
    const customer = await Customer.findOrFail(customerId)
    const [addresses, cart, orders, notes, stats] = await Promise.all([
      CustomerAddress.query()
        .where('customer_id', customer.id)
        .orderBy('is_default_delivery', 'desc')
        .orderBy('is_default_billing', 'desc')
        .orderBy('id'),
      Cart.query()
        .where('customer_id', customer.id)
        .preload('lines', (lines) =>
          lines
            .orderBy('id')
            .preload('variant', (variant) =>
              variant.preload('product', (product) =>
                product.preload('translations', (translations) =>
                  translations.where('locale', locale)
                )
              )
            )
        )
        .first(),
      this.ordersOf(customer)
        .orderBy('placed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(CUSTOMER_ORDERS_SHOWN),
      CustomerNote.query()
        .where('customer_id', customer.id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc'),
      this.stats([customer]),
    ])
    return {
      customer,
      addresses,
      cart,
      orders,
      notes,
      stats: stats.get(customer.id) ?? { orders: 0, spent: 0 },
    }
  }

  /** The account's orders and the guest orders placed with its e-mail. */
  private ordersOf(customer: Customer) {
    return Order.query().where((where) =>
      where
        .where('customer_id', customer.id)
        .orWhere((guest) => guest.whereNull('customer_id').where('email', customer.email))
    )
  }

  /** Orders and money spent per customer, in two grouped queries for a whole page. */
  private async stats(customers: Customer[]): Promise<Map<number, CustomerOrderStats>> {
    const stats = new Map<number, CustomerOrderStats>(
      customers.map((customer) => [customer.id, { orders: 0, spent: 0 }])
    )
    if (!customers.length) return stats
    const spent = db.raw(
      `sum(case when paid_at is not null and status not in ('cancelled', 'refunded') then total else 0 end) as spent`
    )
    const [linked, guests] = await Promise.all([
      db
        .from('orders')
        .whereIn('customer_id', [...stats.keys()])
        .groupBy('customer_id')
        .select('customer_id as key', spent)
        .count('* as orders'),
      db
        .from('orders')
        .whereNull('customer_id')
        .whereIn(
          'email',
          customers.map((customer) => customer.email)
        )
        .groupBy('email')
        .select('email as key', spent)
        .count('* as orders'),
    ])
    const idByEmail = new Map(customers.map((customer) => [customer.email, customer.id]))
    for (const row of [...linked, ...guests]) {
      const id = typeof row.key === 'string' ? idByEmail.get(row.key) : Number(row.key)
      const entry = id !== undefined ? stats.get(id) : undefined
      if (!entry) continue
      entry.orders += Number(row.orders)
      entry.spent += Number(row.spent ?? 0)
    }
    return stats
  }
}
