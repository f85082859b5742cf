import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Products and their sellable variants. Every product has at least one variant
 * (a simple product has exactly one, with no options), so prices, SKUs and stock
 * always live on variants. price_min, price_max and in_stock on products are a
 * listing index kept up to date by CatalogIndexer.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('products', (table) => {
      table.increments('id')
      table.string('type', 16).notNullable()
      table
        .integer('attribute_set_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('attribute_sets')
        .onDelete('SET NULL')
      table
        .integer('brand_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('brands')
        .onDelete('SET NULL')
      table.integer('vat_rate').notNullable()
      table.integer('weight_grams').nullable()
      table.integer('net_quantity').nullable()
      table.string('net_quantity_unit', 8).nullable()
      table.string('withdrawal_exception', 32).notNullable().defaultTo('none')
      table.boolean('enabled').notNullable().defaultTo(true)
      table.boolean('visible').notNullable().defaultTo(true)
      table.boolean('featured').notNullable().defaultTo(false)
      table.string('currency', 3).notNullable().defaultTo('EUR')
      table.integer('price_min').nullable()
      table.integer('price_max').nullable()
      table.boolean('in_stock').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.index(['enabled', 'visible', 'created_at'])
      table.index(['featured'])
      table.index(['price_min'])
    })

    this.schema.createTable('product_translations', (table) => {
      table.increments('id')
      table
        .integer('product_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table.string('locale', 5).notNullable()
      table.string('name', 200).notNullable()
      table.string('slug', 200).notNullable()
      table.text('short_description').nullable()
      table.text('description').nullable()
      table.string('seo_title', 200).nullable()
      table.string('seo_description', 320).nullable()
      table.unique(['product_id', 'locale'])
      table.unique(['locale', 'slug'])
    })

    this.schema.createTable('product_slug_redirects', (table) => {
      table.increments('id')
      table
        .integer('product_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table.string('locale', 5).notNullable()
      table.string('slug', 200).notNullable()
      table.unique(['locale', 'slug'])
    })

    this.schema.createTable('variants', (table) => {
      table.increments('id')
      table
        .integer('product_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table.string('sku', 64).notNullable().unique()
      table.integer('price_amount').notNullable()
      table.string('currency', 3).notNullable().defaultTo('EUR')
      table.integer('weight_grams').nullable()
      table.string('withdrawal_exception', 32).nullable()
      table.integer('position').notNullable().defaultTo(0)
      table.boolean('enabled').notNullable().defaultTo(true)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['product_id', 'position'])
    })

    this.schema.createTable('variant_option_values', (table) => {
      table
        .integer('variant_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('variants')
        .onDelete('CASCADE')
      table
        .integer('attribute_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('attributes')
        .onDelete('CASCADE')
      table
        .integer('attribute_option_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('attribute_options')
        .onDelete('CASCADE')
      table.primary(['variant_id', 'attribute_id'])
    })

    this.schema.createTable('product_attribute_values', (table) => {
      table.increments('id')
      table
        .integer('product_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table
        .integer('attribute_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('attributes')
        .onDelete('CASCADE')
      table
        .integer('attribute_option_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('attribute_options')
        .onDelete('CASCADE')
      table.double('number_value').nullable()
      table.boolean('boolean_value').nullable()
      table.text('text_value').nullable()
      table.index(['product_id'])
    })

    this.schema.createTable('product_facet_values', (table) => {
      table
        .integer('product_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table
        .integer('attribute_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('attributes')
        .onDelete('CASCADE')
      table
        .integer('attribute_option_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('attribute_options')
        .onDelete('CASCADE')
      table.primary(['product_id', 'attribute_id', 'attribute_option_id'])
      table.index(
        ['attribute_id', 'attribute_option_id', 'product_id'],
        'product_facet_values_lookup_index'
      )
    })

    this.schema.createTable('related_products', (table) => {
      table
        .integer('product_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table
        .integer('related_product_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table.integer('position').notNullable().defaultTo(0)
      table.primary(['product_id', 'related_product_id'])
    })
  }

  async down() {
    this.schema.dropTable('related_products')
    this.schema.dropTable('product_facet_values')
    this.schema.dropTable('product_attribute_values')
    this.schema.dropTable('variant_option_values')
    this.schema.dropTable('variants')
    this.schema.dropTable('product_slug_redirects')
    this.schema.dropTable('product_translations')
    this.schema.dropTable('products')
  }
}
