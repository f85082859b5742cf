import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Withdrawals (droit de rétractation, LEGAL.md W-01 to W-18, WF-01 to WF-06):
 * one row per statement, made online through the withdrawal function or
 * entered by staff from a letter or an e-mail, with when it was sent (what
 * makes it timely, W-07) and when the merchant learnt of it (what the refund
 * deadline runs from, W-10); then the goods coming back (proof of shipment,
 * receipt, W-13) and the refund (its OrderRefunds row, hence its credit note).
 * Its lines are the units of order lines withdrawn.
 */
export default class extends BaseSchema {
  async up() {
    if (!(await this.db.schema.hasTable('withdrawals'))) {
      this.schema.createTable('withdrawals', (table) => {
        table.increments('id')
        table
          .integer('order_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('orders')
          .onDelete('CASCADE')
        // online | letter | email
        table.string('channel', 16).notNullable()
        // requested | goods_shipped_back | goods_received | refunded
        table.string('status', 24).notNullable()
        table.string('consumer_name', 200).notNullable()
        table.string('email', 254).notNullable()
        table.string('reason', 1000).nullable()
        // Submission (online, server clock) or postmark/sending time (W-07).
        table.timestamp('sent_at').notNullable()
        // False when staff knew only the day a letter was posted.
        table.boolean('sent_time_known').notNullable().defaultTo(true)
        // Paris day the merchant was told: the refund's 14 days run from it (W-10).
        table.date('notified_on').notNullable()
        // The last day of the period when it was made; null while it had not started (W-08).
        table.date('period_last_day').nullable()
        table.date('goods_shipped_back_on').nullable()
        table.date('goods_received_on').nullable()
        table.integer('refund_id').unsigned().nullable().references('id').inTable('refunds')
        // Set while a refund is being made, so two members of staff cannot both make it.
        table.timestamp('refund_claimed_at').nullable()
        table.integer('return_shipping').nullable()
        table.integer('deduction_amount').nullable()
        table.string('deduction_reason', 500).nullable()
        // Staff who entered a letter or e-mail; null for the online function.
        table.string('recorded_by', 255).nullable()
        table.timestamp('refunded_at').nullable()
        table.timestamp('created_at').notNullable()
        table.timestamp('updated_at').notNullable()
        table.index(['status', 'notified_on'])
        table.index(['order_id'])
      })
      // The refunds table, created before, names the withdrawal a refund pays back.
      this.schema.alterTable('refunds', (table) => {
        table.foreign('withdrawal_id').references('id').inTable('withdrawals').onDelete('SET NULL')
      })
    }
    if (!(await this.db.schema.hasTable('withdrawal_lines'))) {
      this.schema.createTable('withdrawal_lines', (table) => {
        table.increments('id')
        table
          .integer('withdrawal_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('withdrawals')
          .onDelete('CASCADE')
        table
          .integer('order_line_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('order_lines')
          .onDelete('CASCADE')
        table.integer('quantity').unsigned().notNullable()
        // Of those, units not shipped yet when withdrawn (W-08): they must never leave.
        table.integer('unshipped_quantity').unsigned().notNullable().defaultTo(0)
        // Sealed goods as they came back (W-18 5°, 9°): null until inspected.
        table.boolean('unsealed').nullable()
        table.unique(['withdrawal_id', 'order_line_id'])
      })
    }
  }

  async down() {
    this.schema.dropTableIfExists('withdrawal_lines')
    if (await this.db.schema.hasTable('withdrawals')) {
      this.schema.alterTable('refunds', (table) => table.dropForeign('withdrawal_id'))
    }
    this.schema.dropTableIfExists('withdrawals')
  }
}
