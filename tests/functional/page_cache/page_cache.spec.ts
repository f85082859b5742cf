import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import csrfConfig from '#config/csrf'
import Variant from '#models/variant'
import StockService from '#services/catalog/stock_service'
import PageCache, { type CachedPage } from '#services/page_cache/page_cache'
import PagePurge from '#services/page_cache/page_purge'
import { productTags } from '#services/page_cache/page_tags'
import { nextScheduledChange } from '#services/page_cache/scheduled_changes'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { CustomerFactory } from '#database/factories/customer_factory'
import { CART_COOKIE } from '#support/shopper'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { csrfTokensIn, usePageCache } from '#tests/helpers/page_cache'
import { createRule } from '#tests/helpers/promotions'
import { rawRequest } from '#tests/helpers/raw_http'

type Catalog = Awaited<ReturnType<typeof createCatalogFixture>>

async function annaClog(catalog: Catalog, quantity = 20) {
  return catalog.createProduct({ fr: 'Sabot Anna', en: 'Anna clog' }, [
    {
      sku: 'ANNA-1',
      priceAmount: 8900,
      stock: [{ stockLocationId: catalog.warehouse.id, quantity, safetyThreshold: 3 }],
    },
  ])
}

/** The page cache on, a catalog, and one clog on sale. */
async function cachedShop(cleanup: Parameters<typeof usePageCache>[0], quantity?: number) {
  await usePageCache(cleanup)
  const catalog = await createCatalogFixture()
  const anna = await annaClog(catalog, quantity)
  return { catalog, anna }
}

/** The admin's product form, as the merchant saves it with a new price (in euros). */
function productForm(catalog: Catalog, price: string) {
  return {
    'action': 'save',
    'type': 'simple',
    'vat_rate': '2000',
    'withdrawal_exception': 'none',
    'enabled': '1',
    'visible': '1',
    'translations[fr][name]': 'Sabot Anna',
    'translations[en][name]': 'Anna clog',
    'categories[]': [String(catalog.clogs.id)],
    'variants[0][sku]': 'ANNA-1',
    'variants[0][price]': price,
  }
}

test.group('Page cache', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('an anonymous product page is rendered once, then served from the cache', async ({
    client,
    assert,
    cleanup,
  }) => {
    await cachedShop(cleanup)

    const first = await client.get('/p/sabot-anna')
    first.assertStatus(200)
    first.assertHeader('x-page-cache', 'miss')
    const second = await client.get('/p/sabot-anna')
    second.assertHeader('x-page-cache', 'hit')
    assert.include(second.text(), 'Sabot Anna')
    assert.include(second.text(), '89,00')
    // The same page for both, but each visitor's forms carry their own token.
    const [firstToken] = csrfTokensIn(first.text())
    const [secondToken] = csrfTokensIn(second.text())
    assert.notEqual(firstToken, secondToken)
    assert.equal(
      second.text().replaceAll(secondToken, 'TOKEN'),
      first.text().replaceAll(firstToken, 'TOKEN')
    )
    assert.notInclude(second.text(), '<!--visitor:')
    assert.equal(second.header('cache-control'), 'private, no-cache')
    assert.match(second.header('content-security-policy') ?? '', /default-src 'self'/)
  })

  test('the add-to-cart form of a cached page works without JavaScript, for its visitor only', async ({
    client,
    assert,
    cleanup,
  }) => {
    await cachedShop(cleanup)
    await client.get('/p/sabot-anna')

    const page = await client.get('/p/sabot-anna')
    page.assertHeader('x-page-cache', 'hit')
    const csrfCookie = page.cookie(csrfConfig.cookieName)!.value
    const [token] = csrfTokensIn(page.text())
    const variant = await Variant.findByOrFail('sku', 'ANNA-1')

    const added = await client
      .post('/cart/lines')
      .withPlainCookie(csrfConfig.cookieName, csrfCookie)
      .form({ _csrf: token, variant_id: variant.id, quantity: 1 })
      .redirects(0)
    added.assertStatus(302)
    added.assertHeader('location', '/cart')

    // Another visitor (another secret) cannot use that token.
    const forged = await client
      .post('/cart/lines')
      .form({ _csrf: token, variant_id: variant.id, quantity: 1 })
      .redirects(0)
    assert.notEqual(forged.header('location'), '/cart')
    assert.isUndefined(forged.cookie(CART_COOKIE))

    // The cached page shows the visitor's own cart count in the header.
    const withCart = await client
      .get('/p/sabot-anna')
      .withCookie(CART_COOKIE, added.cookie(CART_COOKIE)!.value)
    withCart.assertHeader('x-page-cache', 'hit')
    assert.match(withCart.text(), /Panier<span class="cart-count"> \(1/)
    const withoutCart = await client.get('/p/sabot-anna')
    assert.notInclude(withoutCart.text(), 'cart-count')
  })

  test('a price changed in the admin shows at once on the product and category pages, in both languages', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog, anna } = await cachedShop(cleanup)
    // The category and its parent: listings cover the subtree.
    const pages = ['/p/sabot-anna', '/en/p/anna-clog', '/c/sabots', '/en/c/shoes']
    const shown = []
    for (const path of pages) {
      await client.get(path)
      shown.push(await client.get(path))
    }
    for (const response of shown) response.assertHeader('x-page-cache', 'hit')
    assert.include(shown[0].text(), '89,00')
    assert.include(shown[1].text(), '€89.00')

    const owner = await AdminUserFactory.create()
    const saved = await client
      .put(`/admin/catalog/products/${anna.id}`)
      .form(productForm(catalog, '79'))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    saved.assertStatus(302)

    const after = []
    for (const path of pages) after.push(await client.get(path))
    for (const response of after) response.assertHeader('x-page-cache', 'miss')
    assert.include(after[0].text(), '79,00')
    assert.notInclude(after[0].text(), '89,00')
    assert.include(after[1].text(), '€79.00')
    assert.include(after[2].text(), '79,00')
    assert.include(after[3].text(), '€79.00')
  })

  test('a page with a session message, or for a signed-in customer, is never served from nor kept in the cache', async ({
    client,
    assert,
    cleanup,
  }) => {
    await cachedShop(cleanup)
    await client.get('/p/sabot-anna')

    const flashed = await client
      .get('/p/sabot-anna')
      .withSession({ __flash__: { notice: 'Votre avis compte' } })
    flashed.assertHeader('x-page-cache', 'bypass')
    assert.include(flashed.text(), 'Votre avis compte')
    // The message was not stored for others.
    const next = await client.get('/p/sabot-anna')
    next.assertHeader('x-page-cache', 'hit')
    assert.notInclude(next.text(), 'Votre avis compte')

    const customer = await CustomerFactory.create()
    const signedIn = await client.get('/p/sabot-anna').withGuard('customer').loginAs(customer)
    signedIn.assertHeader('x-page-cache', 'bypass')
    assert.include(signedIn.text(), 'href="/account"')
    const anonymous = await client.get('/p/sabot-anna')
    assert.notInclude(anonymous.text(), 'href="/account"')
  })

  test('the cart page is never cached', async ({ client, cleanup }) => {
    await usePageCache(cleanup)
    await createCatalogFixture()
    await client.get('/cart')
    const cart = await client.get('/cart')
    cart.assertStatus(200)
    cart.assertHeader('x-page-cache', 'bypass')
  })

  test('a sale purges the product page only when what it says about stock changes', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await cachedShop(cleanup, 6)
    const variant = await Variant.findByOrFail('sku', 'ANNA-1')
    const stock = await app.container.make(StockService)
    const sell = (quantity: number) =>
      stock.adjust({
        variantId: variant.id,
        stockLocationId: catalog.warehouse.id,
        reason: 'sale',
        delta: -quantity,
      })
    await client.get('/p/sabot-anna')

    await sell(1) // 6 → 5, above the threshold of 3: still "in stock"
    const unchanged = await client.get('/p/sabot-anna')
    unchanged.assertHeader('x-page-cache', 'hit')

    await client.get('/c/sabots')
    await sell(2) // 5 → 3: "only 3 left"
    const fewLeft = await client.get('/p/sabot-anna')
    fewLeft.assertHeader('x-page-cache', 'miss')
    assert.include(fewLeft.text(), 'Plus que 3 exemplaires en stock')
    // The category's card only says whether it ships: still "in stock".
    const listing = await client.get('/c/sabots')
    listing.assertHeader('x-page-cache', 'hit')

    await sell(3) // 3 → 0: sold out, on its page and in the listing
    const soldOut = await client.get('/c/sabots')
    soldOut.assertHeader('x-page-cache', 'miss')
  })

  test('a page expires by itself when a promotion it shows starts', async ({
    client,
    assert,
    cleanup,
  }) => {
    await cachedShop(cleanup)
    const startsAt = DateTime.now().plus({ seconds: 2 })
    // Written straight to the database: no purge, only the page's own expiry.
    await createRule({
      name: 'Black Friday',
      value: 2000,
      startsAt,
      endsAt: startsAt.plus({ days: 3 }),
    })
    await client.get('/p/sabot-anna')
    const before = await client.get('/p/sabot-anna')
    before.assertHeader('x-page-cache', 'hit')
    assert.include(before.text(), '89,00')

    await new Promise((resolve) => setTimeout(resolve, startsAt.diffNow().toMillis() + 200))
    const after = await client.get('/p/sabot-anna')
    after.assertHeader('x-page-cache', 'miss')
    assert.include(after.text(), '71,20')
  })

  test('a page still rendering from rows a committed change replaced is not kept after its purge', async ({
    assert,
    cleanup,
  }) => {
    const { anna } = await cachedShop(cleanup)
    const pages = await app.container.make(PageCache)
    const purge = await app.container.make(PagePurge)
    const page: CachedPage = {
      body: '<p>Sabot Anna 89,00 €</p>',
      headers: {},
      version: 'v1',
      productId: anna.id,
      consentPurposes: [],
    }
    const renderedFrom = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 5))
    // The merchant's new price commits and purges while that page renders.
    await purge.products([anna.id])
    await pages.put('/p/sabot-anna', page, productTags([anna.id]), null, renderedFrom)
    assert.isUndefined(await pages.get('/p/sabot-anna'))

    // A page rendered after the purge is kept.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await pages.put('/p/sabot-anna', page, productTags([anna.id]), null, Date.now())
    assert.isDefined(await pages.get('/p/sabot-anna'))
  })

  test('a page kept late in the evening expires at midnight, when its delivery dates move on', async ({
    assert,
  }) => {
    // No promotion or legal version scheduled: only the day itself changes.
    const lateEvening = DateTime.fromISO('2026-11-24T23:30', { zone: 'Europe/Paris' })
    const expiry = await nextScheduledChange(lateEvening)
    assert.equal(
      expiry?.getTime(),
      DateTime.fromISO('2026-11-25T00:00', { zone: 'Europe/Paris' }).toMillis()
    )
  })

  test('a browser revalidating its copy gets 304 while the page and its own bits are unchanged', async ({
    client,
    assert,
    cleanup,
  }) => {
    await cachedShop(cleanup)
    const first = await client.get('/p/sabot-anna')
    const csrfCookie = first.cookie(csrfConfig.cookieName)!.value
    const etag = first.header('etag')!
    assert.match(etag, /^W\/"/)
    // Only the ETag names the visitor's bits too: no date to revalidate by.
    assert.isUndefined(first.header('last-modified'))

    const again = await client
      .get('/p/sabot-anna')
      .withPlainCookie(csrfConfig.cookieName, csrfCookie)
      .header('if-none-match', etag)
    again.assertStatus(304)
    // The same without compression (a client sending no Accept-Encoding).
    const cookie = first.headers()['set-cookie'] as unknown as string[]
    const plain = await rawRequest('/p/sabot-anna', {
      'cookie': cookie.map((line) => line.split(';')[0]).join('; '),
      'if-none-match': etag,
    })
    assert.equal(plain.status, 304)
    // Another visitor's copy holds another visitor's token: not theirs to reuse.
    const stranger = await client.get('/p/sabot-anna').header('if-none-match', etag)
    stranger.assertStatus(200)
    // A date alone cannot tell whether this visitor's own bits changed: the page is sent again.
    const byDate = await client
      .get('/p/sabot-anna')
      .withPlainCookie(csrfConfig.cookieName, csrfCookie)
      .header('if-modified-since', new Date(Date.now() + 60_000).toUTCString())
    byDate.assertStatus(200)
  })
})
