import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One row while a plugin operation (install, upgrade, patch…) runs, so two
 * agencies or two clicks never run them at once, on SQLite and MariaDB alike.
 */
export default class extends BaseSchema {
  protected tableName = 'plugin_operation_locks'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('name', 50).primary()
      table.string('holder', 255).notNullable()
      table.timestamp('acquired_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
