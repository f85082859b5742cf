import { get } from 'node:http'
import { readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import CartService from '#services/cart/cart_service'
import Plugin from '#models/plugin'
import { CART_COOKIE } from '#support/shopper'
import { cartReadyToOrder, checkoutShop, demoPlugins, productOnSale } from '#tests/helpers/checkout'
import { fixturePlugin, runAce } from '#tests/helpers/plugins'

const BANK_LOGO =
  /<img src="(\/plugins\/payment-bank-transfer\/assets\/logos\/bank\.svg\?v=[0-9a-f]{16})" alt="" width="36" height="24" loading="(lazy|eager)" decoding="async">/g

/** The logo addresses a page links to, and how it loads them. */
function bankLogos(html: string) {
  return [...html.matchAll(BANK_LOGO)].map((match) => ({ url: match[1], loading: match[2] }))
}

/** The fixture card method's logos, by alternative text. */
function cardLogoAlts(html: string) {
  const images = html.matchAll(
    /<img src="\/plugins\/fixture-cards\/assets\/logos\/[a-z]+\.svg\?v=[0-9a-f]{16}" alt="([^"]*)" width="36" height="24"/g
  )
  return [...images].map((match) => match[1])
}

/** The page's footer, where every storefront page lists the accepted means. */
function footerOf(html: string) {
  return html.slice(html.indexOf('<footer'))
}

/** A GET with the path sent as written: HTTP clients resolve `..` before sending. */
function rawStatus(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: env.get('HOST'), port: env.get('PORT'), path }, (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, body }))
    }).on('error', reject)
  })
}

async function withCardsFixture() {
  const install = await runAce('plugin:install', [fixturePlugin('fixture-cards')])
  if (install.exitCode) throw new Error(install.output)
  const enable = await runAce('plugin:enable', ['fixture-cards'])
  if (enable.exitCode) throw new Error(enable.output)
}

/** The checkout shop (table rates, bank transfer) with the card fixture and a product on sale. */
async function shopWithCards(cleanup: (handler: () => Promise<void>) => void, sku: string) {
  const { catalog } = await checkoutShop(cleanup)
  await withCardsFixture()
  return productOnSale(catalog, sku)
}

test.group('Payment logos: the asset route', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('serves an enabled plugin logo as an inert SVG cached for a year', async ({
    client,
    assert,
    cleanup,
  }) => {
    await demoPlugins(cleanup, ['payment-bank-transfer'])
    const home = await client.get('/')
    const [logo] = bankLogos(home.text())
    assert.exists(logo, 'the footer links to the bank logo')

    const response = await client.get(logo.url)

    response.assertStatus(200)
    response.assertHeader('content-type', 'image/svg+xml')
    response.assertHeader('x-content-type-options', 'nosniff')
    response.assertHeader(
      'content-security-policy',
      `default-src 'none'; style-src 'unsafe-inline'; sandbox`
    )
    response.assertHeader('cache-control', 'public, max-age=31536000, immutable')
    assert.equal(response.header('etag'), `"${logo.url.split('v=')[1]}"`)
    // Meant for shared caches: no session, no cookie.
    assert.notProperty(response.headers(), 'set-cookie')
    const file = app.makePath('plugins/payment-bank-transfer/resources/logos/bank.svg')
    assert.equal(String(response.body()), await readFile(file, 'utf8'))

    const unversioned = await client.get(logo.url.split('?')[0])
    unversioned.assertStatus(200)
    unversioned.assertHeader('cache-control', 'no-cache')
    const revalidated = await client.get(logo.url).header('if-none-match', response.header('etag')!)
    revalidated.assertStatus(304)
  })

  test('logos stay served while the shop is closed for maintenance, for its page footer', async ({
    client,
    assert,
    cleanup,
  }) => {
    await demoPlugins(cleanup, ['payment-bank-transfer'])
    await runAce('maintenance:on', [])
    cleanup(async () => {
      await runAce('maintenance:off', [])
    })

    const closed = await client.get('/')

    closed.assertStatus(503)
    const [logo] = bankLogos(footerOf(closed.text()))
    assert.exists(logo)
    const response = await client.get(logo.url)
    response.assertStatus(200)
  })

  test('answers 404 for paths out of the logos folder, unknown and disabled plugins', async ({
    client,
    assert,
    cleanup,
  }) => {
    const kernel = await demoPlugins(cleanup, ['payment-bank-transfer'])
    // A valid SVG outside the plugin, reached through a link in its logos folder.
    const outside = join(kernel.directory.root, 'outside.svg')
    await writeFile(outside, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 32"></svg>')
    const folder = kernel.directory.folderOf('payment-bank-transfer')
    await symlink(outside, join(folder, 'resources/logos/linked.svg'))
    const base = '/plugins/payment-bank-transfer/assets'
    for (const path of [
      `${base}/logos/../../package.json`,
      `${base}/logos/../../plugin.ts`,
      `${base}/../package.json`,
      `${base}/logos/%2e%2e%2f%2e%2e%2fpackage.json`,
      `${base}/logos/..%2f..%2fpackage.json`,
      `${base}/logos/bank.svg%00.png`,
      `${base}/lang/fr/payment-bank-transfer.json`,
      `${base}/logos/missing.svg`,
      `${base}/logos/linked.svg`,
      '/plugins/payment-unknown/assets/logos/bank.svg',
    ]) {
      const response = await rawStatus(path)
      assert.equal(response.status, 404, path)
      assert.notInclude(response.body, '"name"', path)
      assert.notInclude(response.body, 'definePlugin', path)
    }

    const url = `${base}/logos/bank.svg`
    const enabled = await client.get(url)
    enabled.assertStatus(200)
    await runAce('plugin:disable', ['payment-bank-transfer'])
    const disabled = await client.get(url)
    disabled.assertStatus(404)
  })

  test('a logo with a script, outside the logos folder or missing is neither shown nor served', async ({
    client,
    assert,
    cleanup,
  }) => {
    await demoPlugins(cleanup, ['payment-bank-transfer'])
    await withCardsFixture()

    const home = await client.get('/')

    assert.deepEqual(cardLogoAlts(footerOf(home.text())), ['CB', 'Visa', 'Mastercard'])
    assert.include(footerOf(home.text()), 'Carte bancaire')
    for (const refused of ['scripted.svg', 'package.json', 'missing.svg']) {
      assert.notInclude(home.text(), refused)
    }
    const visa = await client.get('/plugins/fixture-cards/assets/logos/visa.svg')
    visa.assertStatus(200)
    const scripted = await client.get('/plugins/fixture-cards/assets/logos/scripted.svg')
    scripted.assertStatus(404)
    const state = await Plugin.findOrFail('fixture-cards')
    assert.match(
      state.lastError ?? '',
      /^logo resources\/logos\/\S+ (holds a script|must be|is missing)/
    )
  })
})

test.group('Payment logos on the storefront', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('P-04: every footer lists the accepted means with their logos and says payment is secure', async ({
    client,
    assert,
    cleanup,
  }) => {
    const none = await client.get('/')
    assert.include(footerOf(none.text()), 'Les moyens de paiement seront bientôt disponibles.')
    assert.notInclude(none.text(), 'Paiement sécurisé')

    await demoPlugins(cleanup, ['payment-bank-transfer'])
    await withCardsFixture()

    const frHome = await client.get('/')
    const fr = footerOf(frHome.text())
    assert.deepEqual(
      bankLogos(fr).map((logo) => logo.loading),
      ['lazy']
    )
    assert.match(fr, /decoding="async">\s*<\/span>\s*Virement bancaire\s*<\/li>/)
    assert.deepEqual(cardLogoAlts(fr), ['CB', 'Visa', 'Mastercard'])
    assert.match(
      fr,
      /<svg class="secure-payment__icon" aria-hidden="true"[^>]*>.*<\/svg>\s*Paiement sécurisé/
    )

    const enHome = await client.get('/en')
    const en = footerOf(enHome.text())
    assert.lengthOf(bankLogos(en), 1)
    assert.match(en, /decoding="async">\s*<\/span>\s*Bank transfer\s*<\/li>/)
    assert.match(en, /decoding="async">\s*<\/span>\s*Card\s*<\/li>/)
    assert.include(en, 'Secure payment')
  })

  test('P-04: the cart shows the accepted means with their logos before the tunnel', async ({
    client,
    assert,
    cleanup,
  }) => {
    const variantId = await shopWithCards(cleanup, 'LOGO-1')
    const carts = await app.container.make(CartService)
    const cart = await carts.create()
    await carts.add(cart, variantId, 1)

    for (const [path, label, card, secure] of [
      ['/cart', 'Virement bancaire', 'Carte bancaire', 'Paiement sécurisé'],
      ['/en/cart', 'Bank transfer', 'Card', 'Secure payment'],
    ]) {
      const page = await client.get(path).withCookie(CART_COOKIE, cart.token)
      page.assertStatus(200)
      const html = page.text()
      const accepted = html.slice(
        html.indexOf('<section class="accepted-payments"'),
        html.indexOf('<footer')
      )
      assert.lengthOf(bankLogos(accepted), 1, path)
      assert.include(accepted, label)
      assert.include(accepted, card)
      assert.deepEqual(cardLogoAlts(accepted), ['CB', 'Visa', 'Mastercard'])
      assert.include(accepted, secure)
    }
  })

  test('the payment step shows each method with its logos next to its label', async ({
    client,
    assert,
    cleanup,
  }) => {
    const variantId = await shopWithCards(cleanup, 'LOGO-2')
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])

    const fr = await client.get('/checkout/payment').withCookie(CART_COOKIE, cart.token)

    fr.assertStatus(200)
    const html = fr.text()
    const choices = html.slice(
      html.indexOf('<fieldset class="options">'),
      html.indexOf('</fieldset>')
    )
    assert.match(
      choices,
      /<label for="payment-bank-transfer">\s*<span class="option__label">Virement bancaire<\/span>\s*<span class="payment-logos">\s*<img src="\/plugins\/payment-bank-transfer\/assets\/logos\/bank\.svg\?v=[0-9a-f]{16}" alt="" width="36" height="24" loading="eager"/
    )
    assert.match(
      choices,
      /<label for="payment-fixture-cards">\s*<span class="option__label">Carte bancaire<\/span>\s*<span class="payment-logos">/
    )
    assert.deepEqual(cardLogoAlts(choices), ['CB', 'Visa', 'Mastercard'])
    const aside = html.slice(
      html.indexOf('<aside class="checkout__aside"'),
      html.indexOf('</aside>')
    )
    assert.include(aside, 'Paiement sécurisé')

    const en = await client.get('/en/checkout/payment').withCookie(CART_COOKIE, cart.token)
    en.assertStatus(200)
    assert.match(en.text(), /<span class="option__label">Card<\/span>/)
    assert.include(en.text(), 'Secure payment')
  })
})
