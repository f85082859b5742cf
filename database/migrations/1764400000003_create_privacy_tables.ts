import { BaseSchema } from '@adonisjs/lucid/schema'
import { sqlTimestamp } from '#support/sql_timestamp'

/**
 * Personal data (LEGAL.md) and contract archiving (P-09):
 * - `marketing_consents`: one row per e-mail that opted in to marketing, with
 *   when, where, and when it was withdrawn (kept as proof until purged);
 * - `privacy_requests`: access and erasure requests with their due dates; the
 *   customer id has no foreign key, since the request outlives an erased
 *   account as the record of the answer;
 * - `contract_archives`: a frozen, checksummed copy of each contract of €120
 *   or more, kept ten years even when the order is anonymised; its order link
 *   is only a convenience;
 * - `customers.last_activity_at` (last sign-in) and `inactivity_warned_at`,
 *   which the retention job reads. Existing accounts start their clock at
 *   the migration: nothing was recorded before, and an account unused for
 *   two years must not be assumed (erasure is final).
 */
export default class extends BaseSchema {
  async up() {
    if (!(await this.db.schema.hasTable('marketing_consents'))) {
      this.schema.createTable('marketing_consents', (table) => {
        table.increments('id')
        // Lower-cased, like accounts' and orders' e-mails.
        table.string('email', 254).notNullable().unique()
        table
          .integer('customer_id')
          .unsigned()
          .nullable()
          .references('id')
          .inTable('customers')
          .onDelete('SET NULL')
        table.string('source', 16).notNullable()
        table.timestamp('consented_at').notNullable()
        table.timestamp('withdrawn_at').nullable()
        table.timestamp('last_contact_at').notNullable().index()
        table.timestamp('created_at').notNullable()
        table.timestamp('updated_at').notNullable()
        table.index(['customer_id'])
      })
    }

    if (!(await this.db.schema.hasTable('privacy_requests'))) {
      this.schema.createTable('privacy_requests', (table) => {
        table.increments('id')
        table.integer('customer_id').unsigned().nullable()
        table.string('kind', 16).notNullable()
        table.date('received_on').notNullable()
        table.date('due_on').notNullable()
        table.date('extended_due_on').nullable()
        table.timestamp('completed_at').nullable()
        // Who recorded or answered it: the customer (self-service) or staff, by name.
        table.string('handled_by', 255).notNullable()
        table.timestamp('created_at').notNullable()
        table.timestamp('updated_at').notNullable()
        table.index(['customer_id', 'received_on'])
        table.index(['completed_at', 'due_on'])
      })
    }

    if (!(await this.db.schema.hasTable('contract_archives'))) {
      this.schema.createTable('contract_archives', (table) => {
        table.increments('id')
        table
          .integer('order_id')
          .unsigned()
          .nullable()
          .unique()
          .references('id')
          .inTable('orders')
          .onDelete('SET NULL')
        table.string('order_number', 32).notNullable().unique()
        table.timestamp('concluded_at').notNullable()
        table.integer('total').notNullable()
        table.string('currency', 3).notNullable()
        // MEDIUMTEXT on MariaDB: a TEXT holds 64 KB, less than a long order's record.
        table.text('content', 'mediumtext').notNullable()
        table.string('checksum', 64).notNullable()
        table.date('retain_until').notNullable().index()
        table.timestamp('created_at').notNullable()
      })
    }

    for (const column of ['last_activity_at', 'inactivity_warned_at']) {
      if (!(await this.db.schema.hasColumn('customers', column))) {
        this.schema.alterTable('customers', (table) => {
          table.timestamp(column).nullable()
        })
        if (column === 'last_activity_at') {
          this.defer(async (db) => {
            await db.from('customers').update({ last_activity_at: sqlTimestamp() })
          })
        }
      }
    }
  }

  async down() {
    for (const column of ['inactivity_warned_at', 'last_activity_at']) {
      if (await this.db.schema.hasColumn('customers', column)) {
        this.schema.alterTable('customers', (table) => {
          table.dropColumn(column)
        })
      }
    }
    this.schema.dropTableIfExists('contract_archives')
    this.schema.dropTableIfExists('privacy_requests')
    this.schema.dropTableIfExists('marketing_consents')
  }
}
