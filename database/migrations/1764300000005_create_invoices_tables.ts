import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Invoices and credit notes, one table for both (LEGAL.md I-01 to I-04, I-06).
 * A row holds everything its PDF prints, frozen at issue (`snapshot`), and the
 * totals the accounting journal reads. Rows are only ever inserted; the PDF's
 * key and SHA-256 are filled once, when it is first stored. Orders with
 * documents cannot be deleted: invoices are kept ten years.
 */
export default class extends BaseSchema {
  async up() {
    if (await this.db.schema.hasTable('invoices')) return
    this.schema.createTable('invoices', (table) => {
      table.increments('id')
      table.string('number', 32).notNullable().unique()
      table.string('kind', 16).notNullable()
      table
        .integer('order_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('orders')
        .onDelete('RESTRICT')
      // The invoice a credit note corrects.
      table
        .integer('invoice_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('invoices')
        .onDelete('RESTRICT')
      table.string('currency', 3).notNullable()
      table.string('locale', 5).notNullable()
      table.timestamp('issued_at').notNullable()
      table.integer('total_net').notNullable()
      table.integer('total_vat').notNullable()
      table.integer('total_gross').notNullable()
      table.text('snapshot', 'mediumtext').notNullable()
      table.string('pdf_key', 255).nullable()
      table.string('pdf_checksum', 64).nullable()
      table.timestamp('created_at').notNullable()
      table.index(['issued_at', 'id'])
      table.index(['order_id', 'kind'])
    })
  }

  async down() {
    this.schema.dropTableIfExists('invoices')
  }
}
