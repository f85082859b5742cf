import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Identities proven by a single sign-on provider, each linked to one customer
 * or one member of staff: the provider's code and its subject identify the
 * person, whatever their email becomes. `customers.password_set` tells an
 * account created by SSO (no password of its own yet) from the others, so the
 * last way to sign in is never unlinked.
 */
export default class extends BaseSchema {
  async up() {
    if (!(await this.schema.hasTable('sso_identities'))) {
      this.schema.createTable('sso_identities', (table) => {
        table.increments('id')
        table.string('audience', 16).notNullable()
        table.string('provider_code', 64).notNullable()
        table.string('subject', 255).notNullable()
        table
          .integer('customer_id')
          .unsigned()
          .nullable()
          .references('id')
          .inTable('customers')
          .onDelete('CASCADE')
        table
          .integer('admin_user_id')
          .unsigned()
          .nullable()
          .references('id')
          .inTable('admin_users')
          .onDelete('CASCADE')
        // The email the provider vouched for when linking, shown on the account page.
        table.string('email', 254).nullable()
        table.timestamp('last_used_at').nullable()
        table.timestamp('created_at').notNullable()
        table.unique(['audience', 'provider_code', 'subject'])
      })
    }
    if (!(await this.schema.hasColumn('customers', 'password_set'))) {
      this.schema.alterTable('customers', (table) => {
        table.boolean('password_set').notNullable().defaultTo(true)
      })
    }
  }

  async down() {
    this.schema.dropTableIfExists('sso_identities')
    this.schema.alterTable('customers', (table) => {
      table.dropColumn('password_set')
    })
  }
}
