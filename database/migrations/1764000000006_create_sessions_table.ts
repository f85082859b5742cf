import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Server-side sessions: signing out (or an owner revoking access) ends a
 * session for good, which a cookie-held session could not guarantee.
 */
export default class extends BaseSchema {
  protected tableName = 'sessions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('id', 64).primary()
      table.text('data').notNullable()
      table.string('user_id', 64).nullable().index()
      table.timestamp('expires_at').notNullable().index()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
