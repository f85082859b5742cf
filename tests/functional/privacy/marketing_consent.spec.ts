import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import edge from 'edge.js'
import MarketingConsent from '#models/marketing_consent'
import { CustomerFactory } from '#database/factories/customer_factory'
import CartService from '#services/cart/cart_service'
import MarketingConsents from '#services/privacy/marketing_consents'
import { unsubscribeUrl } from '#support/privacy_links'
import { CART_COOKIE } from '#support/shopper'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { productOnSale } from '#tests/helpers/checkout'
import { uniqueEmail } from '#tests/helpers/customers'

const PASSWORD = 'une-phrase-assez-longue'

function register(client: ApiClient, fields: Record<string, string>) {
  return client
    .post('/account/register')
    .header('referer', '/account/register')
    .form({
      firstName: 'Claire',
      lastName: 'Vuillet',
      password: PASSWORD,
      password_confirmation: PASSWORD,
      ...fields,
    })
    .withCsrfToken()
    .redirects(0)
}

/** The marketing box of a form: present, and not ticked. */
function uncheckedOptIn(html: string) {
  const box = /<input id="marketing-opt-in"[^>]*>/.exec(html)?.[0]
  return box !== undefined && box.includes('type="checkbox"') && !/\schecked\b/.test(box)
}

/** A visitor's cart holding one product, for the checkout pages. */
async function visitorCart() {
  const catalog = await createCatalogFixture()
  const variantId = await productOnSale(catalog, 'OPT-1')
  const carts = await app.container.make(CartService)
  const cart = await carts.create()
  await carts.add(cart, variantId, 1)
  return cart.token
}

test.group('Marketing consent', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('R-01: registration offers a separate, unticked box; no tick, no consent', async ({
    client,
    assert,
  }) => {
    const page = await client.get('/account/register')
    assert.isTrue(uncheckedOptIn(page.text()))

    const email = uniqueEmail()
    const response = await register(client, { email })

    response.assertHeader('location', '/account')
    assert.isNull(await MarketingConsent.findBy('email', email))
  })

  test('R-01: ticking it at registration records the consent, its date and source', async ({
    client,
    assert,
  }) => {
    const email = uniqueEmail()
    const before = Date.now() - 1000

    await register(client, { email, marketing_opt_in: '1' })

    const consent = await MarketingConsent.findByOrFail('email', email)
    assert.equal(consent.source, 'registration')
    assert.isNotNull(consent.customerId)
    assert.isTrue(consent.optedIn)
    assert.isAtLeast(consent.consentedAt.toMillis(), before)
  })

  test('R-01: the guest checkout asks the same, unticked, and records a tick', async ({
    client,
    assert,
  }) => {
    const token = await visitorCart()

    const page = await client.get('/checkout/identification').withCookie(CART_COOKIE, token)
    page.assertStatus(200)
    assert.isTrue(uncheckedOptIn(page.text()))

    const silent = await client
      .post('/checkout/identification')
      .withCookie(CART_COOKIE, token)
      .form({ email: 'sans-case@example.fr' })
      .withCsrfToken()
      .redirects(0)
    silent.assertHeader('location', '/checkout/addresses')
    assert.isNull(await MarketingConsent.findBy('email', 'sans-case@example.fr'))

    await client
      .post('/checkout/identification')
      .withCookie(CART_COOKIE, token)
      .form({ email: 'Avec-Case@Example.fr', marketing_opt_in: '1' })
      .withCsrfToken()
      .redirects(0)
    const consent = await MarketingConsent.findByOrFail('email', 'avec-case@example.fr')
    assert.equal(consent.source, 'checkout')
    assert.isNull(consent.customerId)
  })

  test('R-01: the signed unsubscribe link withdraws the consent in one click', async ({
    client,
    assert,
  }) => {
    const consents = await app.container.make(MarketingConsents)
    const consent = await consents.optIn({ email: 'lea@example.fr', source: 'checkout' })
    const link = new URL(unsubscribeUrl(consent, 'fr'))

    const tampered = await client.get(`${link.pathname}${link.search.replace(/.$/, 'x')}`)
    tampered.assertStatus(404)
    await consent.refresh()
    assert.isTrue(consent.optedIn)

    const response = await client.get(`${link.pathname}${link.search}`)

    response.assertStatus(200)
    assert.include(
      response.text(),
      'L’adresse lea@example.fr ne recevra plus nos offres par e-mail.'
    )
    await consent.refresh()
    assert.isFalse(consent.optedIn)
    assert.isNotNull(consent.withdrawnAt)
    // Following it again changes nothing and still answers.
    const again = await client.get(`${link.pathname}${link.search}`)
    again.assertStatus(200)
  })

  test('R-01: the account page turns the consent on and off', async ({ client, assert }) => {
    const customer = await CustomerFactory.create()
    const put = (fields: Record<string, string>) =>
      client
        .put('/account/privacy/marketing')
        .form(fields)
        .withGuard('customer')
        .loginAs(customer)
        .withCsrfToken()
        .redirects(0)

    const page = await client.get('/account/privacy').withGuard('customer').loginAs(customer)
    assert.isTrue(uncheckedOptIn(page.text()))

    const subscribed = await put({ marketing_opt_in: '1' })
    subscribed.assertHeader('location', '/account/privacy')
    const consent = await MarketingConsent.findByOrFail('email', customer.email)
    assert.equal(consent.source, 'account')
    assert.isTrue(consent.optedIn)

    await put({})
    await consent.refresh()
    assert.isFalse(consent.optedIn)
  })

  test('R-01: the account page neither shows nor withdraws a guest’s consent with its e-mail', async ({
    client,
    assert,
  }) => {
    const consents = await app.container.make(MarketingConsents)
    const guest = await consents.optIn({ email: 'lea@example.fr', source: 'checkout' })
    // Anyone may register with that address: it is never verified.
    const customer = await CustomerFactory.merge({ email: 'lea@example.fr' }).create()

    const page = await client.get('/account/privacy').withGuard('customer').loginAs(customer)
    assert.isTrue(uncheckedOptIn(page.text()))
    await client
      .put('/account/privacy/marketing')
      .form({})
      .withGuard('customer')
      .loginAs(customer)
      .withCsrfToken()
      .redirects(0)

    await guest.refresh()
    assert.isTrue(guest.optedIn)
    assert.isNull(guest.customerId)
  })

  test('R-01: the marketing e-mail frame names the sender and carries the unsubscribe link', async ({
    assert,
  }) => {
    const html = await edge.renderRaw(
      `@email.marketing({ title: 'Nouveautés', locale: 'fr', seller: ['Sabots Martin SARL'], shop: 'Sabots Martin', unsubscribeUrl: link })
        @slot('main')
          <p>Les sabots d’hiver sont arrivés.</p>
        @end
      @end`,
      {
        i18n: i18nManager.locale('fr'),
        link: 'https://shop.example/newsletter/unsubscribe/7?signature=abc',
      }
    )
    const text = await edge.render('emails/marketing/footer_text', {
      i18n: i18nManager.locale('fr'),
      shop: 'Sabots Martin',
      seller: ['Sabots Martin SARL'],
      unsubscribeUrl: 'https://shop.example/newsletter/unsubscribe/7?signature=abc',
    })

    assert.include(html, 'Les sabots d’hiver sont arrivés.')
    assert.include(
      html,
      '<a href="https://shop.example/newsletter/unsubscribe/7?signature=abc">Se désinscrire</a>'
    )
    assert.include(html, 'parce que vous avez accepté de recevoir nos offres')
    assert.include(html, 'Sabots Martin SARL')
    assert.include(
      text,
      'Se désinscrire : https://shop.example/newsletter/unsubscribe/7?signature=abc'
    )
  })
})
