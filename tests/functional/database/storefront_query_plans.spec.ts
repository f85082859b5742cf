import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import DemoSeeder from '#database/seeders/demo_seeder'
import { CART_COOKIE } from '#support/shopper'
import { PARIS_ADDRESS, checkoutShop } from '#tests/helpers/checkout'
import { captureSelects, fullScans, type CapturedQuery } from '#tests/helpers/query_plans'

/**
 * Every SELECT the storefront runs, from the home page to the order
 * confirmation, is planned by the database it runs on: none may read a table
 * that grows with the shop from end to end for lack of an index. The rule per
 * database is explained in tests/helpers/query_plans.ts.
 */
test.group('Storefront query plans', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('catalog, search, cart, checkout and legal pages read big tables through indexes', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    await new DemoSeeder(db.connection()).seedLegal()
    const { option } = catalog
    // Enough products for a second page (24 per page), with facets, sizes and a brand.
    for (let index = 1; index <= 30; index++) {
      await catalog.createProduct(
        { fr: `Sabot ${index}`, en: `Clog ${index}` },
        [
          { sku: `S${index}-38`, options: [option('size', '38'), option('colour', 'black')] },
          { sku: `S${index}-39`, options: [option('size', '39'), option('colour', 'red')] },
        ],
        {
          featured: index % 5 === 0,
          attributeValues: [
            {
              attributeId: catalog.material.id,
              optionIds: [option('material', 'leather').optionId],
            },
          ],
        }
      )
    }

    const queries: CapturedQuery[] = await captureSelects(async () => {
      for (const url of [
        '/',
        '/en',
        '/c/chaussures',
        '/c/sabots?page=2',
        '/c/sabots?sort=newest',
        '/c/sabots?sort=price_asc',
        '/c/sabots?sort=price_desc',
        '/c/sabots?material=leather&colour=black',
        '/c/sabots?brand=sabotier-du-jura&in_stock=1&price_min=10&price_max=200',
        '/en/c/clogs?size=39',
        '/p/sabot-1',
        '/p/sabot-2?size=39&colour=red',
        '/en/p/clog-3',
        '/search?q=sabot',
        '/search?q=sab',
        '/search?q=sabot&material=leather&sort=price_asc',
        '/en/search?q=clog&page=2',
        '/pages/cgv',
        '/pages/cgv/versions/1',
        '/pages/mentions-legales',
        '/en/pages/privacy',
      ]) {
        const page = await client.get(url)
        assert.equal(page.status(), 200, url)
      }
      await checkoutAsGuest(client, await variantIdOf('S1-39'))
    })

    // The journey did run: listings, product pages, search and the order all queried.
    for (const table of ['product_facet_values', 'product_search_terms', 'orders', 'carts']) {
      assert.isTrue(
        queries.some((query) => query.sql.includes(table)),
        `no query on ${table} was captured`
      )
    }
    const problems = await fullScans(queries)
    assert.deepEqual(problems, [], problems.join('\n\n'))
  })

  test('the check reports a big table read for lack of an index, not a tiny one', async ({
    assert,
  }) => {
    // No index starts with orders.coupon_code, none is needed on the settings table.
    const problems = await fullScans([
      { sql: 'select id from orders where coupon_code = ?', bindings: ['SOLDES'] },
      { sql: 'select * from settings where value = ?', bindings: ['x'] },
    ])
    assert.lengthOf(problems, 1)
    assert.match(problems[0], /^full scan of orders\n {2}select id from orders where coupon_code/)
  })
})

async function variantIdOf(sku: string) {
  const row = await db.from('variants').where('sku', sku).firstOrFail()
  return Number(row.id)
}

/**
 * The guest checkout of the load test: cart, each tunnel step, the order and its
 * confirmation page.
 */
async function checkoutAsGuest(client: ApiClient, variantId: number) {
  const added = await client
    .post('/cart/lines')
    .form({ variant_id: variantId, quantity: 1 })
    .withCsrfToken()
    .redirects(0)
  const token = added.cookie(CART_COOKIE)!.value
  const get = (url: string) => client.get(url).withCookie(CART_COOKIE, token).redirects(0)
  const post = (url: string, form: Record<string, unknown>) =>
    client.post(url).withCookie(CART_COOKIE, token).form(form).withCsrfToken().redirects(0)

  await get('/cart')
  await get('/checkout')
  await get('/checkout/identification')
  await post('/checkout/identification', { email: 'claire@example.fr' })
  await get('/checkout/addresses')
  const { lines, ...address } = PARIS_ADDRESS
  await post('/checkout/addresses', {
    billing_same: '1',
    delivery: { ...address, addressLine1: lines[0] },
  })
  await get('/checkout/delivery')
  await post('/checkout/delivery', { shipping_method: 'table-rates' })
  await get('/checkout/payment')
  await post('/checkout/payment', { payment_method: 'bank-transfer' })
  const review = await get('/checkout/review')
  const total = /name="expected_total" value="(\d+)"/.exec(review.text())![1]
  const placed = await post('/checkout/orders', { expected_total: total, accept_terms: 'true' })
  const number = /^\/checkout\/confirmation\/(.+)$/.exec(placed.header('location') ?? '')?.[1]
  if (!number) throw new Error(`the order was not placed: ${placed.status()}`)
  // The session that placed the order may see it.
  const confirmation = await get(`/checkout/confirmation/${number}`).withSession({
    placed_orders: [number],
  })
  if (confirmation.status() !== 200) throw new Error(`confirmation: ${confirmation.status()}`)
}
