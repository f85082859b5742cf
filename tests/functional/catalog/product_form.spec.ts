import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import Product from '#models/product'
import Variant from '#models/variant'
import StockService from '#services/catalog/stock_service'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'

/**
 * The fields every save of a simple, enabled product sends.
 */
const SIMPLE_PRODUCT_FORM = {
  action: 'save',
  type: 'simple',
  vat_rate: '2000',
  withdrawal_exception: 'none',
  enabled: '1',
  visible: '1',
}

test.group('Back-office product form', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the variants generator adds one row per combination, saving nothing', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const owner = await AdminUserFactory.create()

    const response = await client
      .post('/admin/catalog/products')
      .form({
        'action': 'generate',
        'type': 'simple',
        'vat_rate': '2000',
        'withdrawal_exception': 'none',
        'translations[fr][name]': 'Sabot Victor',
        'generator[sku]': 'vic',
        'generator[price]': '99,50',
        'generator[options][size]': [
          String(catalog.options.get('size:38')!.id),
          String(catalog.options.get('size:39')!.id),
        ],
        'generator[options][colour]': [String(catalog.options.get('colour:black')!.id)],
      })
      .withCsrfToken()
      .loginAs(owner)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'value="VIC-38-BLACK"')
    assert.include(html, 'value="VIC-39-BLACK"')
    assert.include(html, 'value="Sabot Victor"')
    assert.include(html, 'value="99,50"')
    assert.equal(await countRows('products'), 0)
  })

  test('a product is created from the form, with its variants, prices and stock', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const owner = await AdminUserFactory.create()
    const black = String(catalog.options.get('colour:black')!.id)
    const red = String(catalog.options.get('colour:red')!.id)

    const response = await client
      .post('/admin/catalog/products')
      .form({
        'action': 'save',
        'type': 'configurable',
        'brand_id': String(catalog.brand.id),
        'vat_rate': '2000',
        'withdrawal_exception': 'none',
        'enabled': '1',
        'visible': '1',
        'translations[fr][name]': 'Sabot Victor',
        'translations[en][name]': 'Victor clog',
        'categories[]': String(catalog.clogs.id),
        'attributes[material]': String(catalog.options.get('material:leather')!.id),
        'variants[0][sku]': 'vic-black',
        'variants[0][price]': '99,50',
        'variants[0][options][colour]': black,
        'variants[0][stock][warehouse][quantity]': '4',
        'variants[1][sku]': 'VIC-RED',
        'variants[1][price]': '104',
        'variants[1][options][colour]': red,
        'variants[1][stock][warehouse][quantity]': '0',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)

    response.assertStatus(302)
    const product = await Product.query().preload('variants').preload('translations').firstOrFail()
    response.assertHeader('location', `/admin/catalog/products/${product.id}`)
    assert.sameMembers(
      product.variants.map((variant) => `${variant.sku}:${variant.priceAmount}`),
      ['VIC-BLACK:9950', 'VIC-RED:10400']
    )
    assert.equal(product.priceMin, 9950)
    assert.isTrue(product.inStock)
    assert.equal(product.translation('en')!.slug, 'victor-clog')
    assert.equal(await countRows('audit_logs', { action: 'product.create' }), 1)

    const storefront = await client.get('/c/sabots').qs({ colour: 'red' })
    assert.include(storefront.text(), 'Sabot Victor')
  })

  test('errors are shown next to their fields and nothing typed is lost', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await catalog.createProduct({ fr: 'Sabot Hugo', en: 'Hugo clog' }, [{ sku: 'TAKEN-1' }])
    const owner = await AdminUserFactory.create()

    const response = await client
      .post('/admin/catalog/products')
      .header('referer', '/admin/catalog/products/new')
      .form({
        'action': 'save',
        'type': 'simple',
        'vat_rate': '2000',
        'withdrawal_exception': 'none',
        'translations[fr][name]': 'Sabot Victor',
        'translations[fr][description]': 'Un **beau** sabot',
        'variants[0][sku]': 'TAKEN-1',
        'variants[0][price]': '12,345',
      })
      .withCsrfToken()
      .loginAs(owner)

    // The redirect lands back on the form, errors and input in place.
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'value="Sabot Victor"')
    assert.include(html, 'Un **beau** sabot')
    assert.match(html, /id="variants-0-sku-error">[^<]+/)
    assert.match(html, /id="variants-0-price-error">[^<]+/)
    assert.equal(await countRows('products'), 1)
  })

  test('editing a product changes its price and keeps a redirect from its old slug', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Sabot Hugo', en: 'Hugo clog' }, [
      { sku: 'HUGO-1', priceAmount: 8900 },
    ])
    const owner = await AdminUserFactory.create()

    const form = await client.get(`/admin/catalog/products/${product.id}/edit`).loginAs(owner)
    form.assertStatus(200)
    assert.include(form.text(), 'value="89,00"')

    const response = await client
      .put(`/admin/catalog/products/${product.id}`)
      .form({
        ...SIMPLE_PRODUCT_FORM,
        'translations[fr][name]': 'Sabot Hugo',
        'translations[fr][slug]': 'sabot-hugo-cuir',
        'translations[en][name]': 'Hugo clog',
        'variants[0][sku]': 'HUGO-1',
        'variants[0][price]': '79',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)

    const old = await client.get('/p/sabot-hugo').redirects(0)
    old.assertStatus(301)
    old.assertHeader('location', '/p/sabot-hugo-cuir')
    assert.equal(
      await countRows('price_history', { old_amount: 8900, new_amount: 7900, source: 'admin' }),
      1
    )
  })

  test('saving the form keeps the sales made while it was open', async ({ client, assert }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Sabot Basile', en: 'Basile clog' }, [
      {
        sku: 'BAS-1',
        weightGrams: 950,
        stock: [{ stockLocationId: catalog.warehouse.id, quantity: 5 }],
      },
    ])
    const owner = await AdminUserFactory.create()
    const form = await client.get(`/admin/catalog/products/${product.id}/edit`).loginAs(owner)
    assert.include(form.text(), 'name="variants[0][stock][warehouse][counted_from]" value="5"')

    // Two pairs sell while the merchant edits the description.
    await product.load('variants')
    const stock = await app.container.make(StockService)
    await stock.adjust({
      variantId: product.variants[0].id,
      stockLocationId: catalog.warehouse.id,
      delta: -2,
      reason: 'sale',
    })

    await client
      .put(`/admin/catalog/products/${product.id}`)
      .form({
        ...SIMPLE_PRODUCT_FORM,
        'translations[fr][name]': 'Sabot Basile',
        'translations[fr][description]': 'Nouvelle description',
        'variants[0][sku]': 'BAS-1',
        'variants[0][price]': '89',
        'variants[0][stock][warehouse][quantity]': '6',
        'variants[0][stock][warehouse][counted_from]': '5',
      })
      .withCsrfToken()
      .loginAs(owner)

    const variant = await Variant.query().where('sku', 'BAS-1').preload('stockLevels').firstOrFail()
    // 5 counted, 2 sold meanwhile, +1 added by the merchant.
    assert.equal(variant.stockLevels[0].quantity, 4)
    // The form has no weight field for variants: the weight stays.
    assert.equal(variant.weightGrams, 950)
  })

  test('related products are set by SKU and shown first on the product page', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Sabot Hugo', en: 'Hugo clog' }, [
      { sku: 'HUGO-1' },
    ])
    await catalog.createProduct({ fr: 'Cire Lafont', en: 'Lafont wax' }, [{ sku: 'CIRE-1' }], {
      categoryIds: [catalog.shoes.id],
    })
    const owner = await AdminUserFactory.create()
    const form = {
      ...SIMPLE_PRODUCT_FORM,
      'translations[fr][name]': 'Sabot Hugo',
      'variants[0][sku]': 'HUGO-1',
      'variants[0][price]': '89',
    }

    const refused = await client
      .put(`/admin/catalog/products/${product.id}`)
      .form({ ...form, related: 'cire-1, NOPE-9' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    refused.assertFlashMessage('inputErrorsBag', {
      related: ['Aucun produit ne porte ces références : NOPE-9.'],
    })

    await client
      .put(`/admin/catalog/products/${product.id}`)
      .form({ ...form, related: 'cire-1' })
      .withCsrfToken()
      .loginAs(owner)
    const edit = await client.get(`/admin/catalog/products/${product.id}/edit`).loginAs(owner)
    assert.include(edit.text(), 'value="CIRE-1"')
    const page = await client.get('/p/sabot-hugo')
    assert.match(page.text(), /Vous aimerez aussi[\s\S]*Cire Lafont/)
  })
})
