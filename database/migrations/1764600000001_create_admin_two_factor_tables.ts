import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Two-factor authentication of back-office staff: one row per enrolled (or
 * enrolling) member of staff, and their single-use recovery codes. Kept out of
 * admin_users so an account without 2FA carries nothing of it.
 */
export default class extends BaseSchema {
  async up() {
    if (!(await this.schema.hasTable('admin_two_factors'))) {
      this.schema.createTable('admin_two_factors', (table) => {
        table
          .integer('admin_user_id')
          .unsigned()
          .primary()
          .references('id')
          .inTable('admin_users')
          .onDelete('CASCADE')
        // Both secrets are encrypted with the app key; `secret` is set once the
        // enrolment is confirmed with a valid code.
        table.text('secret').nullable()
        table.text('pending_secret').nullable()
        table.timestamp('enabled_at').nullable()
        // The last TOTP time step accepted, so a code is never accepted twice.
        table.integer('last_used_step').nullable()
        // Drawn again on every enrolment and when 2FA is switched off: a
        // "remember this device" cookie carries it and dies with it.
        table.string('device_key', 64).notNullable()
        table.timestamp('created_at').notNullable()
        table.timestamp('updated_at').notNullable()
      })
    }
    if (!(await this.schema.hasTable('admin_recovery_codes'))) {
      this.schema.createTable('admin_recovery_codes', (table) => {
        table.increments('id')
        table
          .integer('admin_user_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('admin_users')
          .onDelete('CASCADE')
        table.string('code_hash', 255).notNullable()
        table.timestamp('used_at').nullable()
        table.timestamp('created_at').notNullable()
        table.index(['admin_user_id'])
      })
    }
  }

  async down() {
    this.schema.dropTableIfExists('admin_recovery_codes')
    this.schema.dropTableIfExists('admin_two_factors')
  }
}
