import { randomUUID } from 'node:crypto'
import { inject } from '@adonisjs/core'
import drive from '@adonisjs/drive/services/main'
import CatalogImport from '#models/catalog_import'
import AuditLogService from '#services/audit_log_service'
import ProductCsvImporter, { type ImportMode } from '#services/catalog/csv/product_csv_importer'
import ImportProductsCsv from '#jobs/import_products_csv'
import type { AuditActor } from '#services/audit_log_service'

/**
 * Catalog imports from the back office: the file is kept, the import runs in
 * the background, and its progress and errors are recorded for the merchant.
 */
@inject()
export default class CatalogImportService {
  constructor(
    protected importer: ProductCsvImporter,
    protected auditLog: AuditLogService
  ) {}

  async start(
    file: { bytes: Buffer; name: string },
    mode: ImportMode,
    admin: AuditActor,
    ip: string | null
  ) {
    const fileKey = `imports/${randomUUID()}.csv`
    await drive.use().put(fileKey, file.bytes)
    const catalogImport = await CatalogImport.create({
      adminUserId: admin?.id ?? null,
      fileKey,
      originalName: file.name.slice(0, 255),
      mode,
      status: 'pending',
    })
    await this.auditLog.record({
      actor: admin,
      action: 'catalog.import',
      entityType: 'catalog_import',
      entityId: catalogImport.id,
      changes: { file: catalogImport.originalName, mode },
      ip,
    })
    await ImportProductsCsv.dispatch({ importId: catalogImport.id })
    return catalogImport
  }

  /**
   * Checks the whole file first; applies it when it is valid (or, in
   * "valid_only" mode, applies the products whose lines are all valid).
   */
  async run(importId: number) {
    const catalogImport = await CatalogImport.findOrFail(importId)
    if (catalogImport.finished) return
    catalogImport.merge({ status: 'running', processedProducts: 0 })
    await catalogImport.save()

    try {
      const csv = Buffer.from(await drive.use().getBytes(catalogImport.fileKey)).toString('utf8')
      const plan = await this.importer.plan(csv)
      catalogImport.merge({
        totalProducts: plan.groups.length,
        errors: plan.errors.length ? plan.errors : null,
      })
      if (plan.errors.length && catalogImport.mode === 'all_or_nothing') {
        catalogImport.status = 'rejected'
        await catalogImport.save()
        return
      }
      await catalogImport.save()

      const admin = catalogImport.adminUserId ? { id: catalogImport.adminUserId, email: '' } : null
      const result = await this.importer.apply(
        plan,
        catalogImport.mode,
        { admin, source: 'import' },
        async (done) => {
          if (done.processed % 10 === 0) {
            catalogImport.merge({ processedProducts: done.processed })
            await catalogImport.save()
          }
        }
      )
      catalogImport.merge({
        status: 'completed',
        processedProducts: result.processed,
        createdProducts: result.created,
        updatedProducts: result.updated,
      })
      await catalogImport.save()
    } catch (error) {
      // A fresh update, not the model: the failure may have come from saving it.
      await CatalogImport.query().where('id', importId).update({ status: 'failed' })
      throw error
    }
  }
}
