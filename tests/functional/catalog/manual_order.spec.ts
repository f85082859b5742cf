import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type Category from '#models/category'
import CategoryService from '#services/catalog/category_service'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'

type Catalog = Awaited<ReturnType<typeof createCatalogFixture>>

const seed = { admin: null, source: 'seed' } as const

/**
 * Three clogs filed in "Sabots", in the order they are created.
 */
async function threeClogs(catalog: Catalog) {
  const anna = await catalog.createProduct({ fr: 'Sabot Anna', en: 'Anna clog' }, [
    { sku: 'ANNA-1' },
  ])
  const basile = await catalog.createProduct({ fr: 'Sabot Basile', en: 'Basile clog' }, [
    { sku: 'BASILE-1' },
  ])
  const celeste = await catalog.createProduct({ fr: 'Sabot Céleste', en: 'Céleste clog' }, [
    { sku: 'CELESTE-1' },
  ])
  return { anna, basile, celeste }
}

async function rootCategory(fr: string, en: string) {
  const categories = await app.container.make(CategoryService)
  return categories.create(
    {
      parentId: null,
      translations: [
        { locale: 'fr', name: fr },
        { locale: 'en', name: en },
      ],
    },
    seed
  )
}

function productNames(html: string) {
  return [...html.matchAll(/class="card__title">([^<]+)</g)].map((match) => match[1])
}

/**
 * Category names in the storefront's top menu, in order.
 */
function menuNames(html: string) {
  const menu = html.match(/<ul class="site-nav__categories">([\s\S]*?)<\/ul>/)?.[1] ?? ''
  return [...menu.matchAll(/<a [^>]+>([^<]+)<\/a>/g)].map((match) => match[1])
}

/**
 * Names of the subcategories a category page links to, in order.
 */
function subcategoryNames(html: string) {
  const chips = html.match(/<ul class="chips">([\s\S]*?)<\/ul>/)?.[1] ?? ''
  return [...chips.matchAll(/<a [^>]+>([^<]+)<\/a>/g)].map((match) => match[1])
}

/**
 * Category names in the back-office tree, in order.
 */
function treeNames(html: string) {
  return [...html.matchAll(/href="\/admin\/catalog\/categories\/\d+\/edit">([^<]+)</g)].map(
    (match) => match[1]
  )
}

/**
 * Product names on the back office's "products in this category" page, in order.
 */
function rankedNames(html: string) {
  return [
    ...html.matchAll(/<td>(\d+)<\/td>\s*<td><a href="\/admin\/catalog\/products\/\d+">([^<]+)</g),
  ].map((match) => `${match[1]}. ${match[2]}`)
}

async function positionsIn(category: Category) {
  const rows = await db
    .from('category_product')
    .where('category_id', category.id)
    .select('product_id', 'position')
  return new Map(rows.map((row) => [Number(row.product_id), Number(row.position)]))
}

test.group('Products and categories ordered by hand', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('moving a product changes the default order of the category page, and is audit-logged', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const { celeste } = await threeClogs(catalog)
    const manager = await AdminUserFactory.apply('manager').create()

    const before = await client.get('/c/sabots')
    assert.deepEqual(productNames(before.text()), ['Sabot Anna', 'Sabot Basile', 'Sabot Céleste'])
    assert.match(before.text(), /<option value="selection" selected>Notre sélection<\/option>/)

    const response = await client
      .put(`/admin/catalog/categories/${catalog.clogs.id}/products/${celeste.id}/position`)
      .form({ position: '1' })
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/admin/catalog/categories/${catalog.clogs.id}/products`)
    response.assertFlashMessage('success', 'Produit déplacé.')

    const after = await client.get('/c/sabots')
    assert.deepEqual(productNames(after.text()), ['Sabot Céleste', 'Sabot Anna', 'Sabot Basile'])
    const english = await client.get('/en/c/clogs')
    assert.deepEqual(productNames(english.text()), ['Céleste clog', 'Anna clog', 'Basile clog'])
    assert.match(english.text(), /<option value="selection" selected>Our selection<\/option>/)
    // Other sorts still apply when asked for.
    const newest = await client.get('/c/sabots').qs({ sort: 'newest' })
    assert.deepEqual(productNames(newest.text()), ['Sabot Céleste', 'Sabot Basile', 'Sabot Anna'])

    const page = await client
      .get(`/admin/catalog/categories/${catalog.clogs.id}/products`)
      .loginAs(manager)
    page.assertStatus(200)
    assert.deepEqual(rankedNames(page.text()), [
      '1. Sabot Céleste',
      '2. Sabot Anna',
      '3. Sabot Basile',
    ])

    const entries = await db
      .from('audit_logs')
      .where({ action: 'category.product_move', entity_id: String(catalog.clogs.id) })
    assert.lengthOf(entries, 1)
    assert.equal(entries[0].admin_user_id, manager.id)
    assert.deepEqual(JSON.parse(entries[0].changes), { productId: celeste.id, from: 3, to: 1 })
  })

  test('a category page lists its own products in its order, then its subcategories’ newest first', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const shoe = (fr: string, sku: string) =>
      catalog.createProduct({ fr, en: fr }, [{ sku }], { categoryIds: [catalog.shoes.id] })
    await shoe('Mule Rose', 'ROSE-1')
    const boot = await shoe('Bottine Jeanne', 'JEANNE-1')
    // Newer than the shoes, yet listed after them: they are in a subcategory.
    await threeClogs(catalog)
    const categories = await app.container.make(CategoryService)
    await categories.moveProduct(catalog.shoes.id, boot.id, 1, seed)

    const response = await client.get('/c/chaussures')
    assert.deepEqual(productNames(response.text()), [
      'Bottine Jeanne',
      'Mule Rose',
      'Sabot Céleste',
      'Sabot Basile',
      'Sabot Anna',
    ])
  })

  test('saving a product from the form keeps its rank in the categories it stays in', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const { anna } = await threeClogs(catalog)
    const mule = await catalog.createProduct(
      { fr: 'Mule Rose', en: 'Rose mule' },
      [{ sku: 'ROSE-1' }],
      { categoryIds: [catalog.shoes.id] }
    )
    const categories = await app.container.make(CategoryService)
    await categories.moveProduct(catalog.clogs.id, anna.id, 3, seed)
    const owner = await AdminUserFactory.create()
    const clogsPage = `/admin/catalog/categories/${catalog.clogs.id}/products`

    const response = await client
      .put(`/admin/catalog/products/${anna.id}`)
      .form({
        'action': 'save',
        'type': 'simple',
        'vat_rate': '2000',
        'withdrawal_exception': 'none',
        'enabled': '1',
        'visible': '1',
        'translations[fr][name]': 'Sabot Anna',
        'translations[en][name]': 'Anna clog',
        'categories[]': [String(catalog.shoes.id), String(catalog.clogs.id)],
        'variants[0][sku]': 'ANNA-1',
        'variants[0][price]': '79',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)

    const clogs = await client.get(clogsPage).loginAs(owner)
    assert.deepEqual(rankedNames(clogs.text()), [
      '1. Sabot Basile',
      '2. Sabot Céleste',
      '3. Sabot Anna',
    ])
    // Newly filed in "Chaussures": after the mule already there.
    const shoes = await positionsIn(catalog.shoes)
    assert.isAbove(shoes.get(anna.id)!, shoes.get(mule.id)!)

    // Leaving a category removes it from there only.
    await client
      .put(`/admin/catalog/products/${anna.id}`)
      .form({
        'action': 'save',
        'type': 'simple',
        'vat_rate': '2000',
        'withdrawal_exception': 'none',
        'enabled': '1',
        'visible': '1',
        'translations[fr][name]': 'Sabot Anna',
        'categories[]': [String(catalog.clogs.id)],
        'variants[0][sku]': 'ANNA-1',
        'variants[0][price]': '79',
      })
      .withCsrfToken()
      .loginAs(owner)
    const shoesAfter = await positionsIn(catalog.shoes)
    assert.isFalse(shoesAfter.has(anna.id))
    const stillClogs = await client.get(clogsPage).loginAs(owner)
    assert.deepEqual(rankedNames(stillClogs.text()), [
      '1. Sabot Basile',
      '2. Sabot Céleste',
      '3. Sabot Anna',
    ])
  })

  test('a product added to a category, by mass action or at creation, goes last', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const { anna, celeste } = await threeClogs(catalog)
    const mule = await catalog.createProduct(
      { fr: 'Mule Rose', en: 'Rose mule' },
      [{ sku: 'ROSE-1' }],
      { categoryIds: [catalog.shoes.id] }
    )
    const categories = await app.container.make(CategoryService)
    await categories.moveProduct(catalog.clogs.id, celeste.id, 1, seed)
    const manager = await AdminUserFactory.apply('manager').create()

    await client
      .post('/admin/catalog/products/mass')
      .form({
        ids: [String(mule.id), String(anna.id)],
        action: 'categorize',
        category: String(catalog.clogs.id),
      })
      .withCsrfToken()
      .loginAs(manager)
    await catalog.createProduct({ fr: 'Sabot Dora', en: 'Dora clog' }, [{ sku: 'DORA-1' }])

    const response = await client.get('/c/sabots')
    assert.deepEqual(productNames(response.text()), [
      'Sabot Céleste',
      'Sabot Anna',
      'Sabot Basile',
      'Mule Rose',
      'Sabot Dora',
    ])
  })

  test('moving a category changes the back-office tree and the shop menu, and is audit-logged', async ({
    client,
    assert,
  }) => {
    await createCatalogFixture()
    await rootCategory('Accessoires', 'Accessories')
    const care = await rootCategory('Entretien', 'Care')
    const owner = await AdminUserFactory.create()

    const before = await client.get('/')
    assert.deepEqual(menuNames(before.text()), ['Chaussures', 'Accessoires', 'Entretien'])

    const response = await client
      .put(`/admin/catalog/categories/${care.id}/position`)
      .form({ position: '1' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/admin/catalog/categories')
    response.assertFlashMessage('success', 'Catégorie déplacée.')

    const after = await client.get('/')
    assert.deepEqual(menuNames(after.text()), ['Entretien', 'Chaussures', 'Accessoires'])
    const tree = await client.get('/admin/catalog/categories').loginAs(owner)
    assert.deepEqual(treeNames(tree.text()), ['Entretien', 'Chaussures', 'Sabots', 'Accessoires'])
    assert.match(
      tree.text(),
      new RegExp(`id="category-${care.id}-position" type="number" name="position" value="1"`)
    )

    const entries = await db
      .from('audit_logs')
      .where({ action: 'category.move', entity_id: String(care.id) })
    assert.lengthOf(entries, 1)
    assert.deepEqual(JSON.parse(entries[0].changes), { from: 3, to: 1 })
  })

  test('a new category goes after its siblings, and so does one given a new parent', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const accessories = await rootCategory('Accessoires', 'Accessories')
    const owner = await AdminUserFactory.create()

    await client
      .post('/admin/catalog/categories')
      .form({
        'parent_id': String(catalog.shoes.id),
        'translations[fr][name]': 'Mules',
        'enabled': '1',
      })
      .withCsrfToken()
      .loginAs(owner)
    await client
      .put(`/admin/catalog/categories/${accessories.id}`)
      .form({
        'parent_id': String(catalog.shoes.id),
        'translations[fr][name]': 'Accessoires',
        'enabled': '1',
      })
      .withCsrfToken()
      .loginAs(owner)

    const tree = await client.get('/admin/catalog/categories').loginAs(owner)
    assert.deepEqual(treeNames(tree.text()), ['Chaussures', 'Sabots', 'Mules', 'Accessoires'])
    const shoes = await client.get('/c/chaussures')
    assert.deepEqual(subcategoryNames(shoes.text()), ['Sabots', 'Mules', 'Accessoires'])
  })

  test('support staff cannot reorder the catalog', async ({ client, assert }) => {
    const catalog = await createCatalogFixture()
    const { celeste } = await threeClogs(catalog)
    const support = await AdminUserFactory.apply('support').create()

    const page = await client
      .get(`/admin/catalog/categories/${catalog.clogs.id}/products`)
      .loginAs(support)
    page.assertStatus(403)
    const product = await client
      .put(`/admin/catalog/categories/${catalog.clogs.id}/products/${celeste.id}/position`)
      .form({ position: '1' })
      .withCsrfToken()
      .loginAs(support)
    product.assertStatus(403)
    const category = await client
      .put(`/admin/catalog/categories/${catalog.clogs.id}/position`)
      .form({ position: '1' })
      .withCsrfToken()
      .loginAs(support)
    category.assertStatus(403)

    const response = await client.get('/c/sabots')
    assert.deepEqual(productNames(response.text()), ['Sabot Anna', 'Sabot Basile', 'Sabot Céleste'])
    assert.equal(await countRows('audit_logs'), 0)
  })

  test('moving a product that is not in the category says so and changes nothing', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const { celeste } = await threeClogs(catalog)
    const owner = await AdminUserFactory.create()

    const response = await client
      .put(`/admin/catalog/categories/${catalog.shoes.id}/products/${celeste.id}/position`)
      .form({ position: '1' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('error', "Ce produit n'est plus rangé dans cette catégorie.")
    assert.equal(await countRows('category_product', { category_id: catalog.shoes.id }), 0)
    assert.equal(await countRows('audit_logs'), 0)
  })

  test('a position below 1 is refused, with the error under the row that sent it', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const { celeste } = await threeClogs(catalog)
    const owner = await AdminUserFactory.create()
    const path = `/admin/catalog/categories/${catalog.clogs.id}/products`

    const refused = await client
      .put(`${path}/${celeste.id}/position`)
      .form({ position: '0', moved: `product-${celeste.id}` })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    refused.assertStatus(302)
    refused.assertFlashMessage('moved', `product-${celeste.id}`)
    assert.equal(await countRows('audit_logs'), 0)

    const page = await client
      .get(path)
      .withFlashMessages({
        moved: `product-${celeste.id}`,
        position: '0',
        inputErrorsBag: { position: ['Indiquez une position à partir de 1.'] },
      })
      .loginAs(owner)
    assert.match(
      page.text(),
      new RegExp(
        `id="product-${celeste.id}-position"[^>]*aria-invalid="true"[^>]*aria-describedby="product-${celeste.id}-position-error"`
      )
    )
    assert.include(
      page.text(),
      `<p class="field__error" id="product-${celeste.id}-position-error">Indiquez une position à partir de 1.</p>`
    )
    assert.equal((page.text().match(/class="field__error"/g) ?? []).length, 1)
  })
})
