import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CODE, identities, idpAccount, kit, ssoOnTestIdp, ssoShop } from '#tests/helpers/sso_plugin'
import type { TestIdp } from '#tests/helpers/test_idp'

const REJECTED = "La connexion n'a pas pu être vérifiée"

/**
 * "Continuer avec …" for shoppers against a real OpenID provider: start at
 * the shop, sign in at the provider, come back to the callback with the
 * session of the start.
 */
async function signIn(
  client: ApiClient,
  idp: TestIdp,
  options: { returnTo?: string; cartToken?: string } = {}
) {
  const query = options.returnTo ? `?return=${encodeURIComponent(options.returnTo)}` : ''
  const start = await client.get(`/auth/sso/${CODE}/start${query}`).redirects(0)
  start.assertStatus(302)
  const back = await idp.authorize(start.header('location')!)
  const callback = (url: URL) => {
    let call = client.get(`${url.pathname}${url.search}`).withSession(start.session()).redirects(0)
    if (options.cartToken) call = call.withCookie('cart', options.cartToken)
    return call
  }
  return { start, back, callback, response: await callback(back) }
}

async function customersWith(email: string) {
  return db.from('customers').where('email', email)
}

test.group('SSO for shoppers', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the login, identification and cart pages offer "Continuer avec" the provider', async ({
    client,
    cleanup,
  }) => {
    const { catalog } = await ssoShop(cleanup)
    const login = await client.get('/account/login')
    login.assertTextIncludes('Continuer avec Test IdP')
    login.assertTextIncludes(`href="/auth/sso/${CODE}/start"`)
    const variantId = await kit.productOnSale(catalog, 'SSO-P1')
    const cart = await kit.cartReadyToOrder([{ variantId, quantity: 1 }])
    const cartPage = await client.get('/cart').withCookie('cart', cart.token)
    cartPage.assertTextIncludes(`/auth/sso/${CODE}/start?return=%2Fcheckout%2Faddresses`)
    const identification = await client
      .get('/checkout/identification')
      .withCookie('cart', cart.token)
    identification.assertTextIncludes('Continuer avec Test IdP')
    const english = await client.get('/en/account/login')
    english.assertTextIncludes(`href="/en/auth/sso/${CODE}/start"`)
    english.assertTextIncludes('Continue with Test IdP')
  })

  test('a first sign-in creates the account from verified claims, without a password', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const person = idpAccount('new')
    idp.signInAs(person)

    const { response } = await signIn(client, idp, { returnTo: '/checkout/addresses' })

    response.assertStatus(302)
    response.assertHeader('location', '/checkout/addresses')
    const [customer] = await customersWith(person.email)
    assert.equal(customer.first_name, 'Claire')
    assert.equal(customer.last_name, 'Martin')
    assert.isFalse(Boolean(customer.password_set))
    const [identity] = await identities({ customer_id: customer.id })
    assert.include(identity, { audience: 'shoppers', provider_code: CODE, subject: person.sub })
    const account = await client.get('/account').withSession(response.session())
    account.assertStatus(200)
    account.assertTextIncludes(person.email)
  })

  test('an existing account with the verified email is linked, and the visit cart merged into it', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog, idp } = await ssoShop(cleanup)
    const person = idpAccount('known')
    const customer = await kit.CustomerFactory.merge({ email: person.email }).create()
    const [first, second] = [
      await kit.productOnSale(catalog, 'SSO-A1'),
      await kit.productOnSale(catalog, 'SSO-B1'),
    ]
    const accountCart = await kit.cartReadyToOrder([{ variantId: first, quantity: 1 }])
    await db.from('carts').where('id', accountCart.id).update({ customer_id: customer.id })
    const visitCart = await kit.cartReadyToOrder([
      { variantId: first, quantity: 2 },
      { variantId: second, quantity: 1 },
    ])
    idp.signInAs(person)

    const { response } = await signIn(client, idp, {
      returnTo: '/checkout/addresses',
      cartToken: visitCart.token,
    })

    response.assertHeader('location', '/checkout/addresses')
    assert.lengthOf(await customersWith(person.email), 1, 'no second account')
    const [identity] = await identities({ subject: person.sub })
    assert.equal(identity.customer_id, customer.id)
    assert.equal(response.cookie('cart')?.value, accountCart.token)
    const lines = await db
      .from('cart_lines')
      .where('cart_id', accountCart.id)
      .orderBy('variant_id')
      .select('variant_id', 'quantity')
    assert.deepEqual(
      lines.map((line) => [line.variant_id, line.quantity]),
      [
        [first, 3],
        [second, 1],
      ]
    )
    assert.lengthOf(await db.from('carts').where('id', visitCart.id), 0, 'merged away')
  })

  test('an unverified email matching an account is refused: nothing linked, nothing created', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const person = idpAccount('unverified', false)
    await kit.CustomerFactory.merge({ email: person.email }).create()
    idp.signInAs(person)

    const { response } = await signIn(client, idp, { returnTo: '/checkout/addresses' })

    response.assertHeader('location', '/account/login?next=%2Fcheckout%2Faddresses')
    response.assertFlashMessage(
      'error',
      "Un compte existe déjà avec cette adresse e-mail, mais le fournisseur ne confirme pas qu'elle vous appartient. Connectez-vous d'abord avec votre mot de passe, puis associez ce fournisseur depuis la page « Mon compte »."
    )
    assert.lengthOf(await customersWith(person.email), 1)
    assert.lengthOf(await identities(), 0)
  })

  test('a linked identity signs into its account even after its email changed at the provider', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const person = idpAccount('mover')
    idp.signInAs(person)
    await signIn(client, idp)
    const [customer] = await customersWith(person.email)

    idp.signInAs({ ...person, email: `moved.${person.email}` })
    const { response } = await signIn(client, idp)

    response.assertHeader('location', '/account')
    assert.lengthOf(await db.from('customers'), 1)
    assert.lengthOf(await identities({ customer_id: customer.id }), 1)
  })

  test('a signed-in customer links the provider from the account page', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const customer = await kit.CustomerFactory.create()
    // Another email at the provider, not even verified: signing in proved ownership.
    const person = idpAccount('linker', false)
    idp.signInAs(person)
    const start = await client
      .get(`/auth/sso/${CODE}/start?return=/account`)
      .withGuard('customer')
      .loginAs(customer)
      .redirects(0)
    const back = await idp.authorize(start.header('location')!)
    const response = await client
      .get(`${back.pathname}${back.search}`)
      .withSession(start.session())
      .redirects(0)

    response.assertHeader('location', '/account')
    response.assertFlashMessage('notice', 'Test IdP est maintenant associé à votre compte.')
    const [identity] = await identities({ subject: person.sub })
    assert.equal(identity.customer_id, customer.id)
  })
})

test.group('SSO for shoppers: answers refused with nothing created', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  async function assertNothingCreated(assert: any, email: string) {
    assert.lengthOf(await customersWith(email), 0, 'no account created')
    assert.lengthOf(await identities(), 0, 'no identity linked')
  }

  test('a wrong state in the answer', async ({ client, assert, cleanup }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const person = idpAccount('state')
    idp.signInAs(person)
    const start = await client.get(`/auth/sso/${CODE}/start`).redirects(0)
    const answer = await idp.authorize(start.header('location')!)
    answer.searchParams.set('state', 'forged-state')
    const response = await client
      .get(`${answer.pathname}${answer.search}`)
      .withSession(start.session())
      .redirects(0)

    response.assertHeader('location', '/account/login')
    response.assertFlashMessage('error', messageStartingWith(response, REJECTED))
    await assertNothingCreated(assert, person.email)
  })

  test('a replayed answer (the callback used twice)', async ({ client, assert, cleanup }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const person = idpAccount('replay')
    idp.signInAs(person)
    const { back, response: first } = await signIn(client, idp)
    first.assertHeader('location', '/account')
    await db.from('sso_identities').delete()
    await db.from('customers').where('email', person.email).delete()

    // The same browser (its session as the first answer left it) opens the answer again.
    const replay = await client
      .get(`${back.pathname}${back.search}`)
      .withSession(first.session())
      .redirects(0)

    replay.assertHeader('location', '/account/login')
    await assertNothingCreated(assert, person.email)
  })

  const forgeries = {
    'a wrong nonce': { claims: { nonce: 'another-nonce' } },
    'an ID token signed with another key': { otherKey: true as const },
    'an expired ID token': {
      claims: {
        iat: Math.floor(Date.now() / 1000) - 7200,
        exp: Math.floor(Date.now() / 1000) - 3600,
      },
    },
    'a wrong audience': { claims: { aud: 'another-client' } },
    'a wrong issuer': { claims: { iss: 'https://evil.example' } },
  }

  for (const [name, forgery] of Object.entries(forgeries)) {
    test(name, async ({ client, assert, cleanup }) => {
      const { idp } = await ssoOnTestIdp(cleanup)
      const person = idpAccount('forged')
      idp.signInAs(person)
      idp.tamper(forgery)

      const { response } = await signIn(client, idp)

      response.assertHeader('location', '/account/login')
      response.assertFlashMessage('error', messageStartingWith(response, REJECTED))
      await assertNothingCreated(assert, person.email)
    })
  }
})

/** The flashed error, checked to start with `prefix` (the rest explains what to do). */
function messageStartingWith(
  response: { flashMessages(): Record<string, unknown> },
  prefix: string
) {
  const message = String(response.flashMessages().error ?? '')
  if (!message.startsWith(prefix)) throw new Error(`unexpected message: ${message}`)
  return message
}
