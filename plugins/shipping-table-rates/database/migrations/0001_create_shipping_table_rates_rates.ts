import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The rate table. Bands are half-open ([min, max)), a null max unbounded;
 * amounts are minor units of the row's currency.
 */
export default class extends BaseSchema {
  protected tableName = 'shipping_table_rates_rates'

  async up() {
    // Read at once (`this.schema` calls are deferred): a table left by an uninstall
    // with --keep-data is kept as it is.
    if (await this.db.schema.hasTable(this.tableName)) return
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('country_code', 2).notNullable()
      table.string('postcode_prefix', 10).nullable()
      table.integer('min_weight_grams').notNullable().defaultTo(0)
      table.integer('max_weight_grams').nullable()
      table.integer('min_items').notNullable().defaultTo(0)
      table.integer('max_items').nullable()
      table.integer('min_subtotal').notNullable().defaultTo(0)
      table.integer('max_subtotal').nullable()
      table.integer('price').notNullable()
      table.string('currency', 3).notNullable()
      table.integer('delay_min_days').notNullable()
      table.integer('delay_max_days').notNullable()
      table.string('label', 120).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      // What a quote reads: one currency, the destination's country and `*`.
      table.index(['currency', 'country_code'])
    })
  }

  async down() {
    this.schema.dropTableIfExists(this.tableName)
  }
}
