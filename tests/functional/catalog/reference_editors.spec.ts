import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Attribute from '#models/attribute'
import AttributeSet from '#models/attribute_set'
import Category from '#models/category'
import StockLocation from '#models/stock_location'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'

test.group('Back-office catalog reference editors', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('synonyms added in the back office widen the search at once', async ({ client, assert }) => {
    const catalog = await createCatalogFixture()
    await catalog.createProduct({ fr: 'Sabot Gaston', en: 'Gaston clog' }, [{ sku: 'GAS-1' }])
    const manager = await AdminUserFactory.apply('manager').create()

    const before = await client.get('/search').qs({ q: 'galoches' })
    assert.notInclude(before.text(), 'Sabot Gaston')

    await client
      .post('/admin/catalog/synonyms')
      .form({ locale: 'fr', terms: 'sabot, galoche' })
      .withCsrfToken()
      .loginAs(manager)
    const after = await client.get('/search').qs({ q: 'galoches' })
    assert.include(after.text(), 'Sabot Gaston')

    const refused = await client
      .post('/admin/catalog/synonyms')
      .form({ locale: 'fr', terms: 'sabot' })
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    refused.assertStatus(302)
    assert.equal(await countRows('search_synonyms'), 1)
  })

  test('a stock location is created, and switching it to online shipping puts its stock online', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Mule Suzanne', en: 'Suzanne mule' }, [
      { sku: 'SUZ-1', stock: [{ stockLocationId: catalog.store.id, quantity: 3 }] },
    ])
    const owner = await AdminUserFactory.create()
    await product.refresh()
    assert.isFalse(product.inStock)

    await client
      .put(`/admin/catalog/locations/${catalog.store.id}`)
      .form({
        name: 'Boutique de Lyon',
        type: 'store',
        fulfils_online: '1',
        click_and_collect: '1',
      })
      .withCsrfToken()
      .loginAs(owner)
    await product.refresh()
    assert.isTrue(product.inStock)

    await client
      .post('/admin/catalog/locations')
      .form({ code: 'nantes', name: 'Boutique de Nantes', type: 'store', click_and_collect: '1' })
      .withCsrfToken()
      .loginAs(owner)
    const nantes = await StockLocation.findByOrFail('code', 'nantes')
    assert.isTrue(nantes.clickAndCollect)
    assert.isFalse(nantes.fulfilsOnline)
  })

  test('an attribute is created with its options, and its code is checked', async ({
    client,
    assert,
  }) => {
    await createCatalogFixture()
    const owner = await AdminUserFactory.create()

    const created = await client
      .post('/admin/catalog/attributes')
      .form({
        'code': 'lining',
        'type': 'select',
        'labels[fr]': 'Doublure',
        'labels[en]': 'Lining',
        'filterable': '1',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    const lining = await Attribute.findByOrFail('code', 'lining')
    created.assertHeader('location', `/admin/catalog/attributes/${lining.id}/edit`)
    assert.isTrue(lining.filterable)

    await client
      .post(`/admin/catalog/attributes/${lining.id}/options`)
      .form({ 'code': 'wool', 'labels[fr]': 'Laine' })
      .withCsrfToken()
      .loginAs(owner)
    await lining.load('options')
    assert.deepEqual(
      lining.options.map((option) => [option.code, option.labels.fr, option.labels.en]),
      [['wool', 'Laine', 'Laine']]
    )

    const duplicate = await client
      .post('/admin/catalog/attributes')
      .form({ 'code': 'lining', 'type': 'text', 'labels[fr]': 'Autre' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    duplicate.assertFlashMessage('inputErrorsBag', { code: ['Cette valeur est déjà utilisée.'] })
  })

  test('moving a category moves its whole subtree; a category cannot go under its own child', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const owner = await AdminUserFactory.create()
    await client
      .post('/admin/catalog/categories')
      .form({ 'translations[fr][name]': 'Nouveautés', 'enabled': '1' })
      .withCsrfToken()
      .loginAs(owner)
    const news = await Category.query()
      .whereHas('translations', (query) => query.where('name', 'Nouveautés'))
      .firstOrFail()

    // Move "Chaussures" (with its child "Sabots") under "Nouveautés".
    await client
      .put(`/admin/catalog/categories/${catalog.shoes.id}`)
      .form({
        'parent_id': String(news.id),
        'translations[fr][name]': 'Chaussures',
        'enabled': '1',
      })
      .withCsrfToken()
      .loginAs(owner)
    await catalog.clogs.refresh()
    assert.equal(catalog.clogs.path, `/${news.id}/${catalog.shoes.id}/${catalog.clogs.id}/`)
    assert.equal(catalog.clogs.depth, 2)

    const loop = await client
      .put(`/admin/catalog/categories/${news.id}`)
      .form({ 'parent_id': String(catalog.clogs.id), 'translations[fr][name]': 'Nouveautés' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    loop.assertFlashMessage('inputErrorsBag', {
      parent_id: [
        'Une catégorie ne peut pas être rangée sous elle-même ni sous ses sous-catégories.',
      ],
    })
    await news.refresh()
    assert.isNull(news.parentId)
  })

  test('a product type limits the characteristics the product form offers', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const owner = await AdminUserFactory.create()
    await client
      .post('/admin/catalog/attributes')
      .form({ 'code': 'volume', 'type': 'number', 'unit': 'ml', 'labels[fr]': 'Contenance' })
      .withCsrfToken()
      .loginAs(owner)

    await client
      .post('/admin/catalog/attribute-sets')
      .form({
        'code': 'footwear',
        'labels[fr]': 'Chaussures',
        'attributes[]': String(catalog.material.id),
      })
      .withCsrfToken()
      .loginAs(owner)
    const set = await AttributeSet.query()
      .where('code', 'footwear')
      .preload('attributes')
      .firstOrFail()
    assert.deepEqual(
      set.attributes.map((attribute) => attribute.code),
      ['material']
    )

    const product = await catalog.createProduct(
      { fr: 'Sabot Victor', en: 'Victor clog' },
      [{ sku: 'VIC-1' }],
      {
        attributeSetId: set.id,
      }
    )
    const form = await client.get(`/admin/catalog/products/${product.id}/edit`).loginAs(owner)
    assert.include(form.text(), 'name="attributes[material]"')
    assert.notInclude(form.text(), 'name="attributes[volume]"')
  })

  test('every editor page renders for a manager', async ({ client }) => {
    await createCatalogFixture()
    const manager = await AdminUserFactory.apply('manager').create()
    for (const path of [
      '/admin/catalog/categories',
      '/admin/catalog/attributes',
      '/admin/catalog/locations',
      '/admin/catalog/synonyms',
    ]) {
      const response = await client.get(path).loginAs(manager)
      response.assertStatus(200)
    }
  })
})
