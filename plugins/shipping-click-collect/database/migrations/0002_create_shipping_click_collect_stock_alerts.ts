import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Shoppers waiting for a variant to come back in a store ("prévenez-moi"),
 * keyed by the core's variant and stock location ids, without foreign keys
 * (see 0001). A request is kept once notified, so asking again is not a new row.
 */
export default class extends BaseSchema {
  protected tableName = 'shipping_click_collect_stock_alerts'

  async up() {
    if (await this.db.schema.hasTable(this.tableName)) return
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.integer('variant_id').unsigned().notNullable()
      table.integer('stock_location_id').unsigned().notNullable()
      table.string('email', 254).notNullable()
      table.string('locale', 5).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('notified_at').nullable()
      // Named: the generated name passes MySQL's 64 characters.
      table.unique(['variant_id', 'stock_location_id', 'email'], {
        indexName: 'shipping_click_collect_stock_alerts_request_unique',
      })
    })
  }

  async down() {
    this.schema.dropTableIfExists(this.tableName)
  }
}
