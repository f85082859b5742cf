import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Plugin state, and the maintenance journal: every plugin migration run and
 * every patch, core and plugins alike, append-only (the evidence of what was
 * changed, when and by whom).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('plugins', (table) => {
      table.string('name', 214).primary()
      table.string('installed_version', 64).notNullable()
      table.boolean('enabled').notNullable().defaultTo(false)
      table.text('settings').nullable()
      table.text('last_error').nullable()
      table.timestamp('last_error_at').nullable()
      table.timestamp('installed_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('maintenance_journal', (table) => {
      table.increments('id')
      table.string('kind', 20).notNullable()
      table.string('owner', 214).notNullable()
      table.string('item', 255).notNullable()
      table.string('checksum', 64).nullable()
      table.string('outcome', 20).notNullable()
      table.text('error').nullable()
      table.string('actor', 255).notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['kind', 'owner', 'item'])
    })
  }

  async down() {
    this.schema.dropTable('maintenance_journal')
    this.schema.dropTable('plugins')
  }
}
