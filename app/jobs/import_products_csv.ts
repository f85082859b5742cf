import app from '@adonisjs/core/services/app'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'

/**
 * Runs a catalog CSV import in the background.
 */
export default class ImportProductsCsv extends Job<{ importId: number }> {
  static options: JobOptions = { maxRetries: 0, timeout: '30m' }

  async execute() {
    // Imported here: the service dispatches this job, so a static import would be circular.
    const { default: CatalogImportService } =
      await import('#services/catalog/csv/catalog_import_service')
    const imports = await app.container.make(CatalogImportService)
    await imports.run(this.payload.importId)
  }
}
