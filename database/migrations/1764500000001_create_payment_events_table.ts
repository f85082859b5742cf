import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The payment provider events the core has acted on, one row per provider
 * event id: a webhook delivered twenty times or replayed hours later finds
 * its row and changes nothing. The row is written in the transaction that
 * applies the event, so an event is never marked done without its effect.
 * A refund made outside the shop, listed again by every later event, has a
 * row too (`refund:<id>`): it is noted for the merchant once.
 *
 * Payments also keep the provider's name for the attempt (a Stripe Checkout
 * Session id), handed back to the provider on return, cancel and refund.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('payment_events', (table) => {
      table.bigIncrements('id')
      table.string('provider_code', 64).notNullable()
      table.string('event_id', 255).notNullable()
      table
        .integer('order_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('orders')
        .onDelete('SET NULL')
      table.string('kind', 24).notNullable()
      // What the core did (CompletionOutcome): paid, authorized, held, cancelled, refunds, late, duplicate.
      table.string('outcome', 24).notNullable()
      table.timestamp('created_at').notNullable()
      table.unique(['provider_code', 'event_id'])
      table.index(['order_id'])
    })
    this.schema.alterTable('payments', (table) => {
      table.string('reference', 255).nullable()
    })
  }

  async down() {
    this.schema.alterTable('payments', (table) => {
      table.dropColumn('reference')
    })
    this.schema.dropTable('payment_events')
  }
}
