import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Stock per variant and location, its movement log, and the price history every
 * price change is recorded in (the reference price of reductions comes from it).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('stock_locations', (table) => {
      table.increments('id')
      table.string('code', 32).notNullable().unique()
      table.string('name', 120).notNullable()
      table.string('type', 16).notNullable()
      table.boolean('fulfils_online').notNullable().defaultTo(false)
      table.boolean('click_and_collect').notNullable().defaultTo(false)
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('stock_levels', (table) => {
      table
        .integer('variant_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('variants')
        .onDelete('CASCADE')
      table
        .integer('stock_location_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('stock_locations')
        .onDelete('CASCADE')
      table.integer('quantity').notNullable().defaultTo(0)
      table.integer('safety_threshold').notNullable().defaultTo(0)
      table.timestamp('updated_at').notNullable()
      table.primary(['variant_id', 'stock_location_id'])
      table.check('quantity >= 0', [], 'stock_levels_quantity_not_negative')
    })

    this.schema.createTable('stock_movements', (table) => {
      table.bigIncrements('id')
      table
        .integer('variant_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('variants')
        .onDelete('CASCADE')
      table
        .integer('stock_location_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('stock_locations')
        .onDelete('CASCADE')
      table.integer('delta').notNullable()
      table.integer('quantity_after').notNullable()
      table.string('reason', 32).notNullable()
      table.string('reference', 64).nullable()
      table
        .integer('admin_user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('admin_users')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.index(['variant_id', 'created_at'])
    })

    this.schema.createTable('price_history', (table) => {
      table.bigIncrements('id')
      table
        .integer('variant_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('variants')
        .onDelete('CASCADE')
      table.integer('old_amount').nullable()
      table.integer('new_amount').notNullable()
      table.string('currency', 3).notNullable()
      table.string('source', 16).notNullable()
      table
        .integer('admin_user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('admin_users')
        .onDelete('SET NULL')
      table.timestamp('changed_at').notNullable()
      table.index(['variant_id', 'changed_at'])
    })
  }

  async down() {
    this.schema.dropTable('price_history')
    this.schema.dropTable('stock_movements')
    this.schema.dropTable('stock_levels')
    this.schema.dropTable('stock_locations')
  }
}
