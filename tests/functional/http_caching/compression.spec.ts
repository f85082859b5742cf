import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { fillSellerIdentity } from '#tests/helpers/legal'
import { usePageCache } from '#tests/helpers/page_cache'
import { decoded, rawRequest, type RawResponse } from '#tests/helpers/raw_http'

const PRODUCT = '/p/sabot-etienne'

async function productPage() {
  const catalog = await createCatalogFixture()
  await catalog.createProduct({ fr: 'Sabot Étienne', en: 'Clog Etienne' }, [{ sku: 'ETI-38' }])
}

/** A page's HTML without what differs on every request (its CSRF tokens). */
function html(response: RawResponse) {
  return decoded(response)
    .toString()
    .replace(/(name=["']_csrf["'] value=)(["'])[^"']*\2/g, '$1""')
    .replace(/(name=["']csrf-token["'] content=)(["'])[^"']*\2/g, '$1""')
}

test.group('HTTP caching: compressed pages', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(productPage)

  test('a page is sent in brotli to a client that reads it, the same HTML once decoded', async ({
    assert,
  }) => {
    const plain = await rawRequest(PRODUCT)
    const brotli = await rawRequest(PRODUCT, { 'accept-encoding': 'gzip, deflate, br' })

    assert.equal(plain.status, 200)
    assert.isUndefined(plain.headers['content-encoding'])
    assert.include(plain.headers['vary']!, 'Accept-Encoding')
    assert.include(plain.body.toString(), 'Sabot Étienne')

    assert.equal(brotli.status, 200)
    assert.equal(brotli.headers['content-encoding'], 'br')
    assert.include(brotli.headers['vary']!, 'Accept-Encoding')
    assert.equal(brotli.headers['content-type'], 'text/html; charset=utf-8')
    assert.equal(Number(brotli.headers['content-length']), brotli.body.length)
    assert.isBelow(brotli.body.length, plain.body.length / 2)
    assert.equal(html(brotli), html(plain))
  })

  test('gzip for a client without brotli; q-values are honoured', async ({ assert }) => {
    const plain = await rawRequest(PRODUCT)

    const gzip = await rawRequest(PRODUCT, { 'accept-encoding': 'gzip, deflate' })
    assert.equal(gzip.headers['content-encoding'], 'gzip')
    assert.equal(html(gzip), html(plain))

    const preferred = await rawRequest(PRODUCT, { 'accept-encoding': 'br;q=0.5, gzip;q=0.9' })
    assert.equal(preferred.headers['content-encoding'], 'gzip')

    for (const refused of ['identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const response = await rawRequest(PRODUCT, { 'accept-encoding': refused })
      assert.isUndefined(response.headers['content-encoding'], refused)
      assert.equal(html(response), html(plain), refused)
    }
  })

  test('the 404 page is compressed like any page', async ({ assert }) => {
    const missing = await rawRequest('/p/no-such-clog', { 'accept-encoding': 'br' })
    assert.equal(missing.status, 404)
    assert.equal(missing.headers['content-encoding'], 'br')
    assert.include(decoded(missing).toString(), '<html')
  })

  test('HEAD is answered as it is', async ({ assert }) => {
    const head = await rawRequest(PRODUCT, { 'accept-encoding': 'br' }, 'HEAD')
    assert.equal(head.status, 200)
    assert.isUndefined(head.headers['content-encoding'])
    assert.equal(head.body.length, 0)
  })

  test('a page the browser holds is confirmed with an empty 304', async ({ assert, cleanup }) => {
    // Cached pages carry an ETag, computed on the HTML before compression.
    await usePageCache(cleanup)
    const first = await rawRequest(PRODUCT, { 'accept-encoding': 'br' })
    const etag = first.headers['etag']
    assert.match(etag!, /^W\//)

    // The browser sends its cookies back: the same visitor, the same CSRF token.
    const cookie = (first.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ')
    const again = await rawRequest(PRODUCT, {
      'accept-encoding': 'br',
      'if-none-match': etag!,
      cookie,
    })
    assert.equal(again.status, 304)
    assert.equal(again.body.length, 0)
    assert.isUndefined(again.headers['content-encoding'])
  })

  test('a PDF download is sent as it is', async ({ assert }) => {
    await fillSellerIdentity()
    const pdf = await rawRequest('/pages/formulaire-de-retractation.pdf', {
      'accept-encoding': 'gzip, deflate, br',
    })
    assert.equal(pdf.status, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.isUndefined(pdf.headers['content-encoding'])
    assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-')
  })

  test('storefront pages are private and revalidated unless their controller chose', async ({
    assert,
  }) => {
    const cart = await rawRequest('/cart')
    assert.equal(cart.status, 200)
    assert.equal(cart.headers['cache-control'], 'private, no-cache')
    const english = await rawRequest('/en/search?q=clog')
    assert.equal(english.headers['cache-control'], 'private, no-cache')

    // The form is made anew each time (W-21); a members' price stays
    // `private, no-store` (promotions/effective_prices.spec.ts).
    await fillSellerIdentity()
    const form = await rawRequest('/pages/formulaire-de-retractation.pdf')
    assert.equal(form.headers['cache-control'], 'no-cache')
  })
})
