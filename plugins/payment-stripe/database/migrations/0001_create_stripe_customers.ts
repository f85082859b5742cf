import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The Stripe Customer of each shop customer who paid with saved cards
 * offered, keyed by the core's customer id. No foreign key to the core's
 * table (the core may anonymise or delete accounts); the cards themselves
 * stay at Stripe and are never stored here.
 */
export default class extends BaseSchema {
  protected tableName = 'payment_stripe_customers'

  async up() {
    // Read at once: a table kept by an uninstall with --keep-data stays as it is.
    if (await this.db.schema.hasTable(this.tableName)) return
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.integer('customer_id').unsigned().notNullable().unique()
      table.string('stripe_customer_id', 255).notNullable()
      table.timestamp('created_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTableIfExists(this.tableName)
  }
}
