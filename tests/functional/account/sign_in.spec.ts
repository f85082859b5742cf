import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import Customer from '#models/customer'
import { CUSTOMER_PASSWORD, CustomerFactory } from '#database/factories/customer_factory'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'
import { uniqueEmail } from '#tests/helpers/customers'

const SESSION_COOKIE = 'comptoir-session'
const NEW_PASSWORD = 'une-phrase-assez-longue'

function register(
  client: ApiClient,
  fields: Record<string, string> & { email: string },
  path = '/account/register'
) {
  return client
    .post(path)
    .header('referer', path)
    .form({
      firstName: 'Claire',
      lastName: 'Vuillet',
      password: NEW_PASSWORD,
      password_confirmation: NEW_PASSWORD,
      ...fields,
    })
    .withCsrfToken()
    .redirects(0)
}

function logIn(
  client: ApiClient,
  email: string,
  password: string,
  { ip = '203.0.113.20', next }: { ip?: string; next?: string } = {}
) {
  return client
    .post('/account/login')
    .header('x-forwarded-for', ip)
    .form(next === undefined ? { email, password } : { email, password, next })
    .withCsrfToken()
    .redirects(0)
}

test.group('Customer accounts: registration and sign-in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('registering creates the account, lower-cased and hashed, and signs it in', async ({
    assert,
    client,
  }) => {
    const email = uniqueEmail()
    const response = await register(client, { email: ` ${email.toUpperCase()} ` })

    response.assertStatus(302)
    response.assertHeader('location', '/account')
    const customer = await Customer.findByOrFail('email', email)
    assert.notEqual(customer.password, NEW_PASSWORD)
    assert.equal(customer.locale, 'fr')
    response.assertSession('auth_customer', customer.id)
    response.assertFlashMessage('notice', 'Bienvenue Claire, votre compte est créé.')
  })

  test('registering from the English storefront keeps English as the account’s language', async ({
    assert,
    client,
  }) => {
    const email = uniqueEmail('tom')
    const response = await register(client, { email }, '/en/account/register')
    response.assertHeader('location', '/en/account')
    const customer = await Customer.findByOrFail('email', email)
    assert.equal(customer.locale, 'en')
  })

  test('an email that already has an account is refused with a translated message', async ({
    assert,
    client,
  }) => {
    const email = uniqueEmail()
    await CustomerFactory.merge({ email }).create()

    const french = await register(client, { email: email.toUpperCase() })
    french.assertHeader('location', '/account/register')
    french.assertSessionMissing('auth_customer')
    assert.deepEqual(french.flashMessage('inputErrorsBag'), {
      email: [
        'Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou utilisez « Mot de passe oublié ? ».',
      ],
    })

    const english = await register(client, { email }, '/en/account/register')
    assert.deepEqual(english.flashMessage('inputErrorsBag.email'), [
      'An account already exists with this email address. Sign in, or use “Forgot your password?”.',
    ])
    assert.equal(await countRows('customers', { email }), 1)
  })

  test('the password policy: twelve characters, typed twice alike', async ({ assert, client }) => {
    const email = uniqueEmail()
    const short = await register(client, {
      email,
      password: 'court',
      password_confirmation: 'court',
    })
    assert.deepEqual(short.flashMessage('inputErrorsBag.password'), [
      'Le mot de passe doit contenir au moins 12 caractères.',
    ])
    // Passwords are never sent back to the form.
    assert.isUndefined(short.flashMessage('password'))
    assert.equal(short.flashMessage('email'), email)

    const mismatch = await register(client, {
      email,
      password_confirmation: 'une-autre-phrase-longue',
    })
    assert.deepEqual(mismatch.flashMessage('inputErrorsBag.password_confirmation'), [
      'Les deux mots de passe saisis ne sont pas identiques.',
    ])
    assert.isNull(await Customer.findBy('email', email))
  })

  test('the form page shows the errors next to their fields and in a summary', async ({
    assert,
    client,
  }) => {
    const response = await client
      .post('/account/register')
      .header('referer', '/account/register')
      .form({ firstName: '', lastName: 'Vuillet', email: 'claire@', password: 'x' })
      .withCsrfToken()

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<div class="error-summary" role="alert">')
    assert.include(html, '<a href="#firstName">Le champ prénom est obligatoire.</a>')
    assert.include(
      html,
      '<p class="field__error" id="email-error">Saisissez une adresse e-mail valide, par exemple claire@exemple.fr.</p>'
    )
    assert.match(
      html,
      /<input[^>]*id="email"[^>]*aria-invalid="true"[^>]*aria-describedby="email-error"/
    )
    assert.match(html, /<input[^>]*autocomplete="new-password"/)
    assert.match(html, /<input[^>]*autocomplete="given-name"/)
    assert.include(html, 'value="Vuillet"')
  })

  test('the right password signs in, with a new session id', async ({ assert, client }) => {
    const customer = await CustomerFactory.create()
    const request = logIn(client, customer.email.toUpperCase(), CUSTOMER_PASSWORD)
    const planted = request.sessionClient.sessionId
    const response = await request

    response.assertHeader('location', '/account')
    response.assertSession('auth_customer', customer.id)
    assert.notEqual(response.cookie(SESSION_COOKIE)?.value, planted)
  })

  test('a wrong password and an unknown email get the same message', async ({ client }) => {
    const customer = await CustomerFactory.create()
    for (const email of [customer.email, uniqueEmail('nobody')]) {
      const response = await logIn(client, email, 'pas-le-bon-mot-de-passe')
      response.assertHeader('location', '/account/login')
      response.assertFlashMessage('error', 'Adresse e-mail ou mot de passe incorrect.')
      response.assertSessionMissing('auth_customer')
    }
  })

  test('repeated failures lock the login out, even with the right password', async ({ client }) => {
    const customer = await CustomerFactory.create()
    for (let failure = 1; failure <= 5; failure++) {
      const response = await logIn(client, customer.email, 'wrong-password')
      response.assertFlashMessage('error', 'Adresse e-mail ou mot de passe incorrect.')
    }

    const locked = await logIn(client, customer.email, CUSTOMER_PASSWORD)
    locked.assertHeader('location', '/account/login')
    locked.assertFlashMessage(
      'error',
      'Trop de tentatives de connexion. Réessayez dans 15 minutes.'
    )
    locked.assertSessionMissing('auth_customer')
  })

  test('customer and staff failures are counted apart', async ({ client }) => {
    const customer = await CustomerFactory.merge({ email: uniqueEmail('both') }).create()
    await AdminUserFactory.merge({ email: customer.email }).create()
    for (let failure = 1; failure <= 5; failure++) {
      await client
        .post('/admin/login')
        .header('x-forwarded-for', '203.0.113.20')
        .form({ email: customer.email, password: 'wrong-password' })
        .withCsrfToken()
        .redirects(0)
    }

    const response = await logIn(client, customer.email, CUSTOMER_PASSWORD)
    response.assertHeader('location', '/account')
  })

  test('login and registration honour a relative `next`, and only that', async ({ client }) => {
    const customer = await CustomerFactory.create()

    const toCheckout = await logIn(client, customer.email, CUSTOMER_PASSWORD, {
      next: '/checkout',
    })
    toCheckout.assertHeader('location', '/checkout')

    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const response = await logIn(client, customer.email, CUSTOMER_PASSWORD, { next })
      response.assertHeader('location', '/account')
    }

    const registered = await register(client, { email: uniqueEmail(), next: '//evil.example' })
    registered.assertHeader('location', '/account')
    const registeredToCheckout = await register(client, {
      email: uniqueEmail('tom'),
      next: '/en/checkout',
    })
    registeredToCheckout.assertHeader('location', '/en/checkout')
  })

  test('the login page carries `next` into its form and its registration link', async ({
    assert,
    client,
  }) => {
    const safe = await client.get('/account/login').qs({ next: '/checkout' })
    assert.include(safe.text(), '<input type="hidden" name="next" value="/checkout">')
    assert.include(safe.text(), 'href="/account/register?next=%2Fcheckout"')

    const unsafe = await client.get('/account/login').qs({ next: '//evil.example' })
    assert.notInclude(unsafe.text(), 'name="next"')
    assert.include(unsafe.text(), 'href="/account/register"')
  })

  test('account pages send guests to the login page, which brings them back', async ({
    client,
  }) => {
    const french = await client.get('/account/addresses').redirects(0)
    french.assertStatus(302)
    french.assertHeader('location', '/account/login?next=%2Faccount%2Faddresses')

    const english = await client.get('/en/account').redirects(0)
    english.assertHeader('location', '/en/account/login?next=%2Fen%2Faccount')
  })

  test('signed-in shoppers skip the login and registration forms', async ({ client }) => {
    const customer = await CustomerFactory.create()
    const login = await client
      .get('/account/login')
      .withGuard('customer')
      .loginAs(customer)
      .redirects(0)
    login.assertHeader('location', '/account')

    const toCheckout = await client
      .get('/en/account/register')
      .qs({ next: '/en/checkout' })
      .withGuard('customer')
      .loginAs(customer)
      .redirects(0)
    toCheckout.assertHeader('location', '/en/checkout')
  })

  test('the header offers to sign in, then links to the account', async ({ assert, client }) => {
    const guest = await client.get('/')
    assert.include(guest.text(), '<a href="/account/login">Se connecter</a>')

    const customer = await CustomerFactory.create()
    const signedIn = await client.get('/en').withGuard('customer').loginAs(customer)
    assert.include(signedIn.text(), '<a href="/en/account">My account</a>')
  })

  test('a signed-in shopper is nobody to the back office', async ({ client }) => {
    const customer = await CustomerFactory.create()
    const response = await client.get('/admin').withGuard('customer').loginAs(customer).redirects(0)
    response.assertHeader('location', '/admin/login')
  })

  test('signing out ends the customer session only', async ({ client }) => {
    const customer = await CustomerFactory.create()
    const response = await client
      .post('/account/logout')
      .withGuard('customer')
      .loginAs(customer)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/')
    response.assertSessionMissing('auth_customer')
    response.assertFlashMessage('notice', 'Vous êtes déconnecté.')
  })
})
