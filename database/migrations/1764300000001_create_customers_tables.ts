import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Shoppers' accounts, their address book and password-reset requests. A reset
 * token is stored only as its SHA-256 hash: the database alone cannot be used
 * to take over an account.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('customers', (table) => {
      table.increments('id')
      table.string('email', 254).notNullable().unique()
      table.string('password', 255).notNullable()
      table.string('first_name', 80).notNullable()
      table.string('last_name', 80).notNullable()
      table.string('phone', 32).nullable()
      table.string('locale', 5).notNullable().defaultTo('fr')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('customer_addresses', (table) => {
      table.increments('id')
      table
        .integer('customer_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('customers')
        .onDelete('CASCADE')
      table.string('first_name', 80).notNullable()
      table.string('last_name', 80).notNullable()
      table.string('company', 120).nullable()
      table.string('address_line_1', 120).notNullable()
      table.string('address_line_2', 120).nullable()
      table.string('postal_code', 16).notNullable()
      table.string('city', 80).notNullable()
      table.string('country_code', 2).notNullable()
      table.string('phone', 32).nullable()
      table.boolean('is_default_delivery').notNullable().defaultTo(false)
      table.boolean('is_default_billing').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['customer_id'])
    })

    this.schema.createTable('customer_password_resets', (table) => {
      table.increments('id')
      table
        .integer('customer_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('customers')
        .onDelete('CASCADE')
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at').notNullable()
      table.timestamp('used_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['customer_id'])
    })
  }

  async down() {
    this.schema.dropTable('customer_password_resets')
    this.schema.dropTable('customer_addresses')
    this.schema.dropTable('customers')
  }
}
