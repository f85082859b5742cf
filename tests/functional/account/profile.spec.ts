import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import Customer from '#models/customer'
import { CUSTOMER_PASSWORD, CustomerFactory } from '#database/factories/customer_factory'
import { countRows } from '#tests/helpers/database'
import { uniqueEmail } from '#tests/helpers/customers'

const NEW_PASSWORD = 'un-nouveau-mot-de-passe'

function put(client: ApiClient, customer: Customer, path: string, fields: Record<string, string>) {
  return client
    .put(path)
    .header('referer', path)
    .form(fields)
    .withGuard('customer')
    .loginAs(customer)
    .withCsrfToken()
    .redirects(0)
}

async function passwordWorks(customer: Customer, password: string) {
  try {
    await Customer.verifyCredentials(customer.email, password)
    return true
  } catch {
    return false
  }
}

test.group('Customer accounts: profile', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the account home greets the shopper and shows the profile form', async ({
    assert,
    client,
  }) => {
    const customer = await CustomerFactory.merge({ firstName: 'Claire' }).create()
    const response = await client.get('/account').withGuard('customer').loginAs(customer)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<h1>Bonjour Claire</h1>')
    assert.include(html, `Vous vous connectez avec l’adresse ${customer.email}.`)
    assert.match(html, /<input[^>]*name="phone"[^>]*autocomplete="tel"/)
    assert.include(html, '<option value="fr" selected>Français</option>')
  })

  test('names, phone and the language of e-mails are updated', async ({ assert, client }) => {
    const customer = await CustomerFactory.create()
    const response = await put(client, customer, '/account', {
      firstName: 'Claire',
      lastName: 'Vuillet',
      phone: '+33 6 12 34 56 78',
      locale: 'en',
    })
    response.assertHeader('location', '/account')
    response.assertFlashMessage('notice', 'Vos informations sont enregistrées.')
    await customer.refresh()
    assert.include(customer.serialize(), {
      firstName: 'Claire',
      lastName: 'Vuillet',
      phone: '+33 6 12 34 56 78',
      locale: 'en',
    })

    const invalid = await put(client, customer, '/account', {
      firstName: 'Claire',
      lastName: 'Vuillet',
      phone: 'appelez-moi',
      locale: 'de',
    })
    assert.deepEqual(invalid.flashMessage('inputErrorsBag'), {
      phone: [
        'Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.',
      ],
      locale: ['Choisissez une langue dans la liste.'],
    })
  })

  test('a new email needs the current password', async ({ assert, client }) => {
    const customer = await CustomerFactory.create()
    const taken = await CustomerFactory.create()
    const previous = customer.email
    const email = uniqueEmail()

    const wrong = await put(client, customer, '/account/email', {
      email,
      password: 'pas-le-bon-mot-de-passe',
    })
    wrong.assertHeader('location', '/account/email')
    assert.deepEqual(wrong.flashMessage('inputErrorsBag'), {
      password: ['Mot de passe incorrect.'],
    })
    assert.equal(wrong.flashMessage('email'), email)
    assert.isUndefined(wrong.flashMessage('password'))
    await customer.refresh()
    assert.equal(customer.email, previous)

    const duplicate = await put(client, customer, '/account/email', {
      email: taken.email,
      password: CUSTOMER_PASSWORD,
    })
    assert.property(duplicate.flashMessage('inputErrorsBag'), 'email')

    const changed = await put(client, customer, '/account/email', {
      email: ` ${email.toUpperCase()}`,
      password: CUSTOMER_PASSWORD,
    })
    changed.assertHeader('location', '/account')
    await customer.refresh()
    assert.equal(customer.email, email)
  })

  test('a new password needs the current one, and no password is ever flashed back', async ({
    assert,
    client,
    cleanup,
  }) => {
    mail.fake()
    cleanup(() => mail.restore())
    const customer = await CustomerFactory.create()

    const short = await put(client, customer, '/account/password', {
      current_password: CUSTOMER_PASSWORD,
      password: 'court',
      password_confirmation: 'court',
    })
    short.assertHeader('location', '/account/password')
    assert.deepEqual(short.flashMessage('inputErrorsBag.password'), [
      'Le mot de passe doit contenir au moins 12 caractères.',
    ])
    assert.isUndefined(short.flashMessage('current_password'))

    const wrong = await put(client, customer, '/account/password', {
      current_password: 'pas-le-bon-mot-de-passe',
      password: NEW_PASSWORD,
      password_confirmation: NEW_PASSWORD,
    })
    assert.deepEqual(wrong.flashMessage('inputErrorsBag'), {
      current_password: ['Mot de passe incorrect.'],
    })
    assert.isUndefined(wrong.flashMessage('current_password'))
    assert.isTrue(await passwordWorks(customer, CUSTOMER_PASSWORD))

    // A reset link asked for before the change stops working after it.
    await client
      .post('/account/forgot-password')
      .form({ email: customer.email })
      .withCsrfToken()
      .redirects(0)
    const changed = await put(client, customer, '/account/password', {
      current_password: CUSTOMER_PASSWORD,
      password: NEW_PASSWORD,
      password_confirmation: NEW_PASSWORD,
    })
    changed.assertHeader('location', '/account')
    changed.assertFlashMessage('notice', 'Votre mot de passe est changé.')
    await customer.refresh()
    assert.isTrue(await passwordWorks(customer, NEW_PASSWORD))
    assert.equal(await countRows('customer_password_resets', { customer_id: customer.id }), 1)
    assert.equal(
      await countRows('customer_password_resets', { customer_id: customer.id, used_at: null }),
      0
    )
  })
})
