import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import CatalogImport from '#models/catalog_import'
import CatalogImportService from '#services/catalog/csv/catalog_import_service'
import { CSV_COLUMNS, type CsvRow } from '#services/catalog/csv/product_csv_format'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'

type Catalog = Awaited<ReturnType<typeof createCatalogFixture>>

async function shelf(catalog: Catalog) {
  await catalog.createProduct(
    { fr: 'Sabot Honoré', en: 'Honoré clog' },
    [
      {
        sku: 'HON-38-BLACK',
        priceAmount: 8950,
        options: [catalog.option('size', '38'), catalog.option('colour', 'black')],
        stock: [
          { stockLocationId: catalog.warehouse.id, quantity: 4, safetyThreshold: 2 },
          { stockLocationId: catalog.store.id, quantity: 1, safetyThreshold: 1 },
        ],
      },
      {
        sku: 'HON-39-RED',
        priceAmount: 9400,
        withdrawalException: 'custom_made',
        options: [catalog.option('size', '39'), catalog.option('colour', 'red')],
      },
    ],
    {
      attributeValues: [
        {
          attributeId: catalog.material.id,
          optionIds: [catalog.options.get('material:leather')!.id],
        },
      ],
      categoryIds: [catalog.clogs.id, catalog.shoes.id],
      translations: [
        {
          locale: 'fr',
          name: 'Sabot Honoré',
          shortDescription: 'Cuir, « façon » 1900',
          description: 'Ligne 1\nLigne 2, avec virgule',
        },
        { locale: 'en', name: 'Honoré clog', seoTitle: 'Honoré, the clog' },
      ],
    }
  )
  await catalog.createProduct(
    { fr: 'Cire 250 g', en: 'Wax 250 g' },
    [{ sku: 'CIRE-250', priceAmount: 790 }],
    {
      netQuantity: 250,
      netQuantityUnit: 'kg',
      vatRate: 550,
      withdrawalException: 'perishable',
      featured: true,
    }
  )
}

function rows(csv: string): CsvRow[] {
  return parse(csv, { columns: true })
}

function csvOf(lines: CsvRow[]): string {
  return stringify(lines, { header: true, columns: [...CSV_COLUMNS] })
}

async function importCsv(csv: string, mode: 'all_or_nothing' | 'valid_only' = 'all_or_nothing') {
  const imports = await app.container.make(CatalogImportService)
  const started = await imports.start(
    { bytes: Buffer.from(csv), name: 'catalogue.csv' },
    mode,
    null,
    null
  )
  await imports.run(started.id)
  return CatalogImport.findOrFail(started.id)
}

/**
 * An import queues a job through the queue's own connection, which a test
 * transaction would block: these tests truncate instead.
 */
test.group('Catalog CSV import and export', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('export then import round-trips the catalog unchanged', async ({ client, assert }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)
    const owner = await AdminUserFactory.create()

    const first = await client.get('/admin/catalog/export.csv').loginAs(owner)
    first.assertStatus(200)
    first.assertHeader('content-type', 'text/csv; charset=utf-8')
    const csv = first.text()
    assert.include(csv, 'HON-39-RED')
    assert.include(csv, 'sabots|chaussures')
    assert.include(csv, 'size=39|colour=red')
    assert.include(csv, 'lyon=1:1|warehouse=4:2')
    const priceChanges = await countRows('price_history')

    const result = await importCsv(csv)
    assert.equal(result.status, 'completed')
    assert.equal(result.updatedProducts, 2)
    assert.equal(result.createdProducts, 0)

    const second = await client.get('/admin/catalog/export.csv').loginAs(owner)
    assert.equal(second.text(), csv)
    assert.equal(await countRows('price_history'), priceChanges)
    assert.equal(await countRows('products'), 2)
  })

  test('a file with two bad lines is rejected with both line numbers, and nothing is imported', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)
    const owner = await AdminUserFactory.create()
    const exported = await client.get('/admin/catalog/export.csv').loginAs(owner)
    const [black, , wax] = rows(exported.text())
    // A new product on lines 2 and 3 (bad price on line 3), then a bad category on line 4.
    const fresh = { ...black, handle: 'sabot-neuf', slug_fr: 'sabot-neuf', slug_en: 'new-clog' }
    const edited = csvOf([
      { ...fresh, sku: 'NEW-1' },
      { ...fresh, sku: 'NEW-2', price: '89,5x' },
      { ...wax, categories: 'inconnue' },
    ])

    const result = await importCsv(edited)
    assert.equal(result.status, 'rejected')
    assert.deepEqual(
      result.errors!.map((error) => [error.line, error.code]),
      [
        [3, 'invalid_price'],
        [4, 'unknown_category'],
      ]
    )
    assert.equal(await countRows('products'), 2)
    assert.equal(await countRows('variants', { sku: 'NEW-1' }), 0)

    const page = await client.get(`/admin/catalog/imports/${result.id}`).loginAs(owner)
    assert.include(page.text(), 'Prix invalide : « 89,5x »')
    assert.include(page.text(), 'Catégorie inconnue : « inconnue »')
  })

  test('on request, only the products whose lines are all valid are imported', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)
    const owner = await AdminUserFactory.create()
    const exported = await client.get('/admin/catalog/export.csv').loginAs(owner)
    const [black] = rows(exported.text())
    const edited = csvOf([
      { ...black, handle: 'sabot-bon', slug_fr: 'sabot-bon', slug_en: 'good-clog', sku: 'GOOD-1' },
      {
        ...black,
        handle: 'sabot-mauvais',
        slug_fr: 'sabot-mauvais',
        slug_en: 'bad-clog',
        sku: 'BAD-1',
        options: 'size=99',
      },
    ])

    const result = await importCsv(edited, 'valid_only')
    assert.equal(result.status, 'completed')
    assert.equal(result.createdProducts, 1)
    assert.deepEqual(
      result.errors!.map((error) => error.line),
      [3]
    )
    assert.equal(await countRows('variants', { sku: 'GOOD-1' }), 1)
    assert.equal(await countRows('variants', { sku: 'BAD-1' }), 0)
  })

  test('the back office uploads a file and follows the import in the background', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)
    const owner = await AdminUserFactory.create()
    const exported = await client.get('/admin/catalog/export.csv').loginAs(owner)

    const response = await client
      .post('/admin/catalog/import')
      .file('file', Buffer.from(exported.text()), {
        filename: 'catalogue.csv',
        contentType: 'text/csv',
      })
      .field('mode', 'all_or_nothing')
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    const catalogImport = await CatalogImport.firstOrFail()
    response.assertHeader('location', `/admin/catalog/imports/${catalogImport.id}`)
    assert.equal(await countRows('queue_jobs'), 1)

    const pending = await client.get(`/admin/catalog/imports/${catalogImport.id}`).loginAs(owner)
    assert.include(pending.text(), 'En attente')
    assert.include(pending.text(), 'Actualiser')
    assert.include(pending.text(), '<progress')
  })
})
