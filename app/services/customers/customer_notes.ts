import Customer from '#models/customer'
import CustomerNote from '#models/customer_note'
import type { OrderActor } from '#services/orders/order_timeline'

/**
 * Staff notes on a customer ("prefers delivery after 6 pm", "asked for an
 * invoice in their company's name"): seen in the back office only.
 */
export default class CustomerNotes {
  async add(customerId: number, body: string, author: OrderActor) {
    const customer = await Customer.findOrFail(customerId)
    return CustomerNote.create({
      customerId: customer.id,
      author: author.label,
      adminUserId: author.adminUserId ?? null,
      body,
    })
  }
}
