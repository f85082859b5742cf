import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What click & collect needs to know of each store, keyed by the core's stock
 * location id. No foreign key to the core's table: the core stays free to
 * empty or rebuild its locations, and a row whose location is gone is simply
 * never read.
 */
export default class extends BaseSchema {
  protected tableName = 'shipping_click_collect_stores'

  async up() {
    // Read at once (`this.schema` calls are deferred): a table left by an uninstall
    // with --keep-data is kept as it is.
    if (await this.db.schema.hasTable(this.tableName)) return
    this.schema.createTable(this.tableName, (table) => {
      table.integer('stock_location_id').unsigned().notNullable().primary()
      table.string('address_line1', 120).notNullable()
      table.string('address_line2', 120).nullable()
      table.string('postcode', 10).notNullable()
      table.string('city', 80).notNullable()
      // Decimal degrees; empty: the postcode's département point is used.
      table.double('latitude').nullable()
      table.double('longitude').nullable()
      // JSON: {"mon": [["09:30", "12:30"], ["14:00", "19:00"]], …}, Paris wall-clock times.
      table.text('opening_hours').notNullable()
      table.integer('preparation_hours').notNullable()
      table.integer('slot_minutes').notNullable()
      table.integer('slot_capacity').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTableIfExists(this.tableName)
  }
}
