import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Money given back on a paid order. A refund through the payment provider is
 * recorded `pending` before the provider is called, under an idempotency key
 * the provider deduplicates on, so a crash or a retry never pays twice; it is
 * `completed` (with its credit note and the payment's new refunded amount) or
 * `failed` in the transaction that follows the provider's answer. A manual
 * refund (made by the merchant outside the shop) completes at once.
 */
export default class extends BaseSchema {
  protected tableName = 'refunds'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('order_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('orders')
        .onDelete('CASCADE')
      table
        .integer('payment_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('payments')
        .onDelete('CASCADE')
      table.integer('credit_note_id').unsigned().nullable().references('id').inTable('invoices')
      table.string('status', 16).notNullable()
      table.string('mode', 16).notNullable()
      table.integer('amount').notNullable()
      table.string('currency', 3).notNullable()
      // What is credited (order line units, delivery, an amount): the credit note's request.
      table.text('request').notNullable()
      table.boolean('cancels_order').notNullable().defaultTo(false)
      table.string('reason', 500).notNullable()
      // The withdrawal this refund pays back, marked refunded when it completes.
      // Its foreign key comes with the withdrawals table (1764400000004), created later.
      table.integer('withdrawal_id').unsigned().nullable()
      table.string('idempotency_key', 64).notNullable().unique()
      table.string('provider_refund_id', 255).nullable()
      table.string('failure', 500).nullable()
      table.string('actor', 255).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.timestamp('completed_at').nullable()
      table.index(['order_id', 'status'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
