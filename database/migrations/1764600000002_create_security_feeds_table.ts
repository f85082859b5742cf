import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The last verified copy of the signed security advisory feed, shared by every
 * process (the shop audits itself offline from it), and how the last refresh
 * went. One row per feed; the shop has one, named "advisories".
 */
export default class extends BaseSchema {
  protected tableName = 'security_feeds'

  async up() {
    if (await this.schema.hasTable(this.tableName)) return
    this.schema.createTable(this.tableName, (table) => {
      table.string('name', 50).primary()
      table.string('source', 2000).nullable()
      // The exact bytes that were verified, so the copy can be checked again.
      table.text('body', 'mediumtext').nullable()
      table.text('signature').nullable()
      table.string('signed_by', 16).nullable()
      table.timestamp('generated_at').nullable()
      table.timestamp('verified_at').nullable()
      table.timestamp('checked_at').nullable()
      table.text('last_error').nullable()
      table.timestamp('last_error_at').nullable()
    })
  }

  async down() {
    this.schema.dropTableIfExists(this.tableName)
  }
}
