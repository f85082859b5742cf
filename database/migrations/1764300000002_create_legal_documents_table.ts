import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Legal documents (CGV first): numbered versions that are never changed once
 * published, and the one draft per kind the merchant edits before publishing.
 */
export default class extends BaseSchema {
  async up() {
    if (!(await this.db.schema.hasTable('legal_document_versions'))) {
      this.schema.createTable('legal_document_versions', (table) => {
        table.increments('id')
        table.string('kind', 32).notNullable()
        table.integer('version').unsigned().notNullable()
        // MEDIUMTEXT on MariaDB: TEXT stops at 64 KB, which a long CGV can pass.
        table.text('body_fr', 'mediumtext').notNullable()
        table.text('body_en', 'mediumtext').notNullable()
        table.string('checksum', 64).notNullable()
        table.timestamp('effective_at').notNullable()
        // Drive keys of the PDFs, named after their SHA-256: the bytes are pinned.
        table.string('pdf_fr_key', 255).notNullable()
        table.string('pdf_en_key', 255).notNullable()
        table
          .integer('published_by')
          .unsigned()
          .nullable()
          .references('id')
          .inTable('admin_users')
          .onDelete('SET NULL')
        table.timestamp('created_at').notNullable()
        table.unique(['kind', 'version'])
        // current(kind): the latest version of a kind already in effect.
        table.index(['kind', 'effective_at'])
      })
    }

    if (!(await this.db.schema.hasTable('legal_document_drafts'))) {
      this.schema.createTable('legal_document_drafts', (table) => {
        table.string('kind', 32).primary()
        table.text('body_fr', 'mediumtext').notNullable()
        table.text('body_en', 'mediumtext').notNullable()
        table
          .integer('updated_by')
          .unsigned()
          .nullable()
          .references('id')
          .inTable('admin_users')
          .onDelete('SET NULL')
        table.timestamp('updated_at').notNullable()
      })
    }
  }

  async down() {
    this.schema.dropTableIfExists('legal_document_drafts')
    this.schema.dropTableIfExists('legal_document_versions')
  }
}
