import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The identity providers the merchant configured, one OpenID Connect client
 * each. The client secret is encrypted with the app key. Identities linked to
 * accounts are the core's (`sso_identities`, by provider `code`).
 */
export default class extends BaseSchema {
  protected tableName = 'sso_oidc_providers'

  async up() {
    // Read at once: a table kept by an uninstall with --keep-data stays as it is.
    if (await this.db.schema.hasTable(this.tableName)) return
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('code', 64).notNullable().unique()
      table.string('label', 80).notNullable()
      table.string('issuer', 500).notNullable()
      table.string('client_id', 255).notNullable()
      table.text('client_secret').notNullable()
      table.string('scopes', 500).notNullable()
      table.string('audience', 16).notNullable()
      table.string('logo_url', 500).nullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTableIfExists(this.tableName)
  }
}
