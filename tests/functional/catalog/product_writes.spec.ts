import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import PriceHistory from '#models/price_history'
import Product from '#models/product'
import ProductService from '#services/catalog/product_service'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'

test.group('Catalog writes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every price, the first one included, is recorded in the price history', async ({
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const owner = await AdminUserFactory.create()
    const input = catalog.productInput({ fr: 'Sabot Louise', en: 'Louise clog' }, [
      { sku: 'LOU-38', priceAmount: 8900 },
      { sku: 'LOU-39', priceAmount: 8900 },
    ])
    const product = await catalog.createProduct(
      { fr: 'Sabot Louise', en: 'Louise clog' },
      input.variants
    )

    const service = await app.container.make(ProductService)
    await service.update(
      product.id,
      { ...input, variants: [{ ...input.variants[0], priceAmount: 7900 }, input.variants[1]] },
      { admin: owner, source: 'admin', ip: '203.0.113.1' }
    )

    const history = await PriceHistory.query()
      .join('variants', 'variants.id', 'price_history.variant_id')
      .where('variants.sku', 'LOU-38')
      .orderBy('price_history.id')
      .select('price_history.*')
    assert.deepEqual(
      history.map((entry) => [entry.oldAmount, entry.newAmount, entry.source, entry.adminUserId]),
      [
        [null, 8900, 'seed', null],
        [8900, 7900, 'admin', owner.id],
      ]
    )
    // The unchanged variant gained no entry.
    assert.equal(await countRows('price_history'), 3)
    const refreshed = await Product.findOrFail(product.id)
    assert.equal(refreshed.priceMin, 7900)
    assert.equal(refreshed.priceMax, 8900)
    assert.equal(
      await countRows('audit_logs', { action: 'product.update', entity_id: String(product.id) }),
      1
    )
  })

  test('a renamed product keeps answering at its old URL with a 301', async ({ client }) => {
    const catalog = await createCatalogFixture()
    const input = catalog.productInput({ fr: 'Sabot Marius', en: 'Marius clog' }, [
      { sku: 'MAR-1' },
    ])
    const product = await catalog.createProduct(
      { fr: 'Sabot Marius', en: 'Marius clog' },
      input.variants
    )

    const service = await app.container.make(ProductService)
    await service.update(
      product.id,
      {
        ...input,
        translations: [
          { locale: 'fr', name: 'Sabot Marius', slug: 'sabot-marius-cuir-noir' },
          { locale: 'en', name: 'Marius clog' },
        ],
      },
      { admin: null, source: 'seed' }
    )

    const old = await client.get('/p/sabot-marius?colour=black').redirects(0)
    old.assertStatus(301)
    old.assertHeader('location', '/p/sabot-marius-cuir-noir?colour=black')

    const current = await client.get('/p/sabot-marius-cuir-noir')
    current.assertStatus(200)

    const english = await client.get('/en/p/marius-clog')
    english.assertStatus(200)
  })

  test('two products never share a slug in a locale', async ({ assert }) => {
    const catalog = await createCatalogFixture()
    await catalog.createProduct({ fr: 'Sabot Rose', en: 'Rose clog' }, [{ sku: 'ROSE-1' }])
    const second = await catalog.createProduct({ fr: 'Sabot Rose', en: 'Rose clog' }, [
      { sku: 'ROSE-2' },
    ])
    await second.load('translations')
    assert.equal(second.translation('fr')!.slug, 'sabot-rose-2')
    assert.equal(second.translation('en')!.slug, 'rose-clog-2')
  })
})
