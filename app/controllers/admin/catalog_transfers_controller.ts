import { readFile } from 'node:fs/promises'
import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import CatalogImport from '#models/catalog_import'
import CatalogImportService from '#services/catalog/csv/catalog_import_service'
import ProductCsvExporter from '#services/catalog/csv/product_csv_exporter'
import { catalogImportValidator } from '#validators/admin_catalog'

/**
 * CSV export and import of the catalog.
 */
export default class CatalogTransfersController {
  @inject()
  async export({ response }: HttpContext, exporter: ProductCsvExporter) {
    const name = `catalogue-${DateTime.now().toFormat('yyyy-LL-dd')}.csv`
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${name}"`)
    return response.stream(exporter.stream())
  }

  async create({ view }: HttpContext) {
    const imports = await CatalogImport.query().orderBy('id', 'desc').limit(10)
    return view.render('pages/admin/catalog/import', { imports })
  }

  @inject()
  async store({ request, response, auth }: HttpContext, imports: CatalogImportService) {
    const { file, mode } = await request.validateUsing(catalogImportValidator)
    const catalogImport = await imports.start(
      { bytes: await readFile(file.tmpPath!), name: file.clientName },
      mode,
      auth.user!,
      request.ip()
    )
    return response.redirect().toRoute('admin.catalog.imports.show', { id: catalogImport.id })
  }

  async show({ params, view }: HttpContext) {
    const catalogImport = await CatalogImport.findOrFail(params.id)
    return view.render('pages/admin/catalog/import_status', { catalogImport })
  }
}
