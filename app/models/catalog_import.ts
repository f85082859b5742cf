import { column } from '@adonisjs/lucid/orm'
import { CatalogImportSchema } from '#database/schema'
import type { ImportMode } from '#services/catalog/csv/product_csv_importer'

export type CatalogImportStatus = 'pending' | 'running' | 'completed' | 'rejected' | 'failed'

/**
 * One CSV import of the catalog and how far it got.
 */
export default class CatalogImport extends CatalogImportSchema {
  @column()
  declare mode: ImportMode

  @column()
  declare status: CatalogImportStatus

  get finished() {
    return this.status === 'completed' || this.status === 'rejected' || this.status === 'failed'
  }
}
