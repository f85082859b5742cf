import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Product from '#models/product'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'

test.group('Back-office catalog mass actions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function twoProducts() {
    const catalog = await createCatalogFixture()
    const one = await catalog.createProduct({ fr: 'Sabot Un', en: 'Clog One' }, [{ sku: 'ONE-1' }])
    const two = await catalog.createProduct({ fr: 'Sabot Deux', en: 'Clog Two' }, [
      { sku: 'TWO-1' },
    ])
    return { catalog, ids: [String(one.id), String(two.id)] }
  }

  test('disables the ticked products and records it once', async ({ client, assert }) => {
    const { ids } = await twoProducts()
    const manager = await AdminUserFactory.apply('manager').create()

    const response = await client
      .post('/admin/catalog/products/mass')
      .form({ ids: ids, action: 'disable' })
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('success', '2 produits désactivés.')
    const products = await Product.query().whereIn('id', ids.map(Number))
    assert.isTrue(products.every((product) => !product.enabled))
    assert.equal(await countRows('audit_logs', { action: 'product.disable' }), 1)

    const storefront = await client.get('/search').qs({ q: 'sabot' })
    assert.notInclude(storefront.text(), 'Sabot Un')
  })

  test('adds the ticked products to a category', async ({ client, assert }) => {
    const { catalog, ids } = await twoProducts()
    const manager = await AdminUserFactory.apply('manager').create()

    await client
      .post('/admin/catalog/products/mass')
      .form({ ids, action: 'categorize', category: String(catalog.shoes.id) })
      .withCsrfToken()
      .loginAs(manager)
    assert.equal(await countRows('category_product', { category_id: catalog.shoes.id }), 2)
  })

  test('deleting asks for confirmation first', async ({ client, assert }) => {
    const { ids } = await twoProducts()
    const owner = await AdminUserFactory.create()

    const confirmation = await client
      .post('/admin/catalog/products/mass')
      .form({ ids, action: 'delete' })
      .withCsrfToken()
      .loginAs(owner)
    confirmation.assertStatus(200)
    assert.include(confirmation.text(), 'Supprimer définitivement')
    assert.include(confirmation.text(), 'Sabot Deux')
    assert.equal(await countRows('products'), 2)

    await client
      .post('/admin/catalog/products/mass')
      .form({ ids, action: 'delete', confirm: '1' })
      .withCsrfToken()
      .loginAs(owner)
    assert.equal(await countRows('products'), 0)
    assert.equal(await countRows('variants'), 0)
  })
})
