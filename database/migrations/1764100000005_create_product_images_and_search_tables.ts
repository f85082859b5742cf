import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('product_images', (table) => {
      table.increments('id')
      table
        .integer('product_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table
        .integer('variant_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('variants')
        .onDelete('SET NULL')
      table.string('original_key', 255).notNullable()
      table.string('content_hash', 64).notNullable()
      table.string('mime_type', 32).notNullable()
      table.integer('width').notNullable()
      table.integer('height').notNullable()
      table.text('alt').notNullable()
      table.text('derivatives').nullable()
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['product_id', 'position'])
    })

    /**
     * The built-in search engine's inverted index: one row per normalised term
     * of a product in a locale, weighted by the field it came from.
     */
    this.schema.createTable('product_search_terms', (table) => {
      table.string('locale', 5).notNullable()
      table.string('term', 64).notNullable()
      table
        .integer('product_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table.integer('weight').notNullable()
      table.primary(['locale', 'term', 'product_id'])
      table.index(['product_id'])
    })

    this.schema.createTable('search_synonyms', (table) => {
      table.increments('id')
      table.string('locale', 5).notNullable()
      table.string('terms', 500).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['locale'])
    })
  }

  async down() {
    this.schema.dropTable('search_synonyms')
    this.schema.dropTable('product_search_terms')
    this.schema.dropTable('product_images')
  }
}
