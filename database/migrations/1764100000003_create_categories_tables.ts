import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A category tree stored as an adjacency list plus a materialised path
 * ("/1/4/9/"), so a category's whole subtree is one indexed prefix match.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('categories', (table) => {
      table.increments('id')
      table
        .integer('parent_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('categories')
        .onDelete('CASCADE')
      table.string('path', 255).notNullable().defaultTo('/')
      table.integer('depth').notNullable().defaultTo(0)
      table.integer('position').notNullable().defaultTo(0)
      table.boolean('enabled').notNullable().defaultTo(true)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['path'])
      table.index(['parent_id', 'position'])
    })

    this.schema.createTable('category_translations', (table) => {
      table.increments('id')
      table
        .integer('category_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('categories')
        .onDelete('CASCADE')
      table.string('locale', 5).notNullable()
      table.string('name', 160).notNullable()
      table.string('slug', 180).notNullable()
      table.text('description').nullable()
      table.unique(['category_id', 'locale'])
      table.unique(['locale', 'slug'])
    })

    this.schema.createTable('category_product', (table) => {
      table
        .integer('category_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('categories')
        .onDelete('CASCADE')
      table
        .integer('product_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table.integer('position').notNullable().defaultTo(0)
      table.primary(['category_id', 'product_id'])
      table.index(['product_id'])
    })
  }

  async down() {
    this.schema.dropTable('category_product')
    this.schema.dropTable('category_translations')
    this.schema.dropTable('categories')
  }
}
