import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Click & collect orders made ready in one of the merchant's shops: one row
 * per order, with the pickup code the customer received by e-mail (only its
 * keyed hash: the code itself is never stored), the wrong codes typed since
 * it was issued, and when the order was collected.
 */
export default class extends BaseSchema {
  async up() {
    if (await this.db.schema.hasTable('order_pickups')) return
    this.schema.createTable('order_pickups', (table) => {
      table.increments('id')
      table
        .integer('order_id')
        .unsigned()
        .notNullable()
        .unique()
        .references('id')
        .inTable('orders')
        .onDelete('CASCADE')
      // HMAC-SHA256 (hex) of the current code; null once the order is collected.
      table.string('code_hash', 64).nullable()
      table.integer('failed_attempts').unsigned().notNullable().defaultTo(0)
      table.timestamp('code_sent_at').notNullable()
      table.timestamp('ready_at').notNullable()
      table.timestamp('collected_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTableIfExists('order_pickups')
  }
}
