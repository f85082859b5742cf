import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * CSV imports of the catalog: the file, its progress and the errors found, so
 * the back office can follow an import that runs in the background.
 */
export default class extends BaseSchema {
  protected tableName = 'catalog_imports'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('admin_user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('admin_users')
        .onDelete('SET NULL')
      table.string('file_key', 255).notNullable()
      table.string('original_name', 255).notNullable()
      table.string('mode', 16).notNullable()
      table.string('status', 16).notNullable()
      table.integer('total_products').notNullable().defaultTo(0)
      table.integer('processed_products').notNullable().defaultTo(0)
      table.integer('created_products').notNullable().defaultTo(0)
      table.integer('updated_products').notNullable().defaultTo(0)
      table.text('errors', 'mediumtext').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
