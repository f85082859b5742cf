import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Brands, attributes (typed, with options) and attribute sets: the vocabulary
 * products are described with. Labels are JSON objects keyed by locale.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('brands', (table) => {
      table.increments('id')
      table.string('name', 120).notNullable()
      table.string('slug', 140).notNullable().unique()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('attributes', (table) => {
      table.increments('id')
      table.string('code', 64).notNullable().unique()
      table.string('type', 16).notNullable()
      table.string('unit', 16).nullable()
      table.text('labels').notNullable()
      table.boolean('filterable').notNullable().defaultTo(false)
      table.boolean('searchable').notNullable().defaultTo(false)
      table.boolean('visible').notNullable().defaultTo(true)
      table.boolean('variant_option').notNullable().defaultTo(false)
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('attribute_options', (table) => {
      table.increments('id')
      table
        .integer('attribute_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('attributes')
        .onDelete('CASCADE')
      table.string('code', 64).notNullable()
      table.text('labels').notNullable()
      table.integer('position').notNullable().defaultTo(0)
      table.unique(['attribute_id', 'code'])
    })

    this.schema.createTable('attribute_sets', (table) => {
      table.increments('id')
      table.string('code', 64).notNullable().unique()
      table.text('labels').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('attribute_set_attributes', (table) => {
      table
        .integer('attribute_set_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('attribute_sets')
        .onDelete('CASCADE')
      table
        .integer('attribute_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('attributes')
        .onDelete('CASCADE')
      table.integer('position').notNullable().defaultTo(0)
      table.primary(['attribute_set_id', 'attribute_id'])
    })
  }

  async down() {
    this.schema.dropTable('attribute_set_attributes')
    this.schema.dropTable('attribute_sets')
    this.schema.dropTable('attribute_options')
    this.schema.dropTable('attributes')
    this.schema.dropTable('brands')
  }
}
