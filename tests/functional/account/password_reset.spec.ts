import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import Customer from '#models/customer'
import { CUSTOMER_PASSWORD, CustomerFactory } from '#database/factories/customer_factory'
import { sqlTimestamp } from '#support/sql_timestamp'
import { uniqueEmail } from '#tests/helpers/customers'

const NEW_PASSWORD = 'un-nouveau-mot-de-passe'
const SENT =
  'Si un compte existe pour cette adresse, nous venons d’y envoyer un lien valable une heure.'
const INVALID = 'Ce lien n’est plus valable : il a expiré ou a déjà servi.'

function fakeMail(cleanup: (handler: () => void) => void) {
  const { messages } = mail.fake()
  cleanup(() => mail.restore())
  return messages
}

function askForLink(client: ApiClient, email: string, prefix = '') {
  return client
    .post(`${prefix}/account/forgot-password`)
    .header('referer', `${prefix}/account/forgot-password`)
    .form({ email })
    .withCsrfToken()
    .redirects(0)
}

function resetWith(client: ApiClient, token: string, password = NEW_PASSWORD) {
  return client
    .post(`/account/reset-password/${token}`)
    .header('referer', `/account/reset-password/${token}`)
    .form({ password, password_confirmation: password })
    .withCsrfToken()
    .redirects(0)
}

/** The token of the link in a reset e-mail's text part. */
function tokenIn(text: string | undefined) {
  const match = /\/account\/reset-password\/([\w-]+)/.exec(String(text))
  if (!match) throw new Error(`No reset link in: ${text}`)
  return match[1]
}

async function passwordWorks(customer: Customer, password: string) {
  try {
    await Customer.verifyCredentials(customer.email, password)
    return true
  } catch {
    return false
  }
}

test.group('Customer accounts: password reset by e-mail', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a link is mailed in the account’s language, works once and signs the shopper in', async ({
    assert,
    client,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const customer = await CustomerFactory.merge({ firstName: 'Claire' }).create()

    const asked = await askForLink(client, customer.email.toUpperCase())
    asked.assertHeader('location', '/account/login')
    asked.assertFlashMessage('notice', SENT)

    const sent = messages.sent()
    assert.lengthOf(sent, 1)
    sent[0].assertTo(customer.email)
    sent[0].assertSubject('Votre nouveau mot de passe – Comptoir')
    sent[0].assertTextIncludes('Bonjour Claire,')
    sent[0].assertTextIncludes('Ce lien est valable 60 minutes et ne sert qu’une fois.')
    sent[0].assertHtmlIncludes('<html lang="fr">')
    sent[0].assertHtmlIncludes('>Choisir un nouveau mot de passe</a>')
    const token = tokenIn(sent[0].nodeMailerMessage.text as string)
    sent[0].assertHtmlIncludes(`/account/reset-password/${token}`)

    // Only the token's hash is stored.
    const row = await db.from('customer_password_resets').where('customer_id', customer.id).first()
    assert.equal(row.token_hash, createHash('sha256').update(token).digest('hex'))
    assert.notInclude(JSON.stringify(row), token)

    const form = await client.get(`/account/reset-password/${token}`)
    form.assertStatus(200)
    assert.match(form.text(), /<input[^>]*name="password"[^>]*autocomplete="new-password"/)

    const reset = await resetWith(client, token)
    reset.assertHeader('location', '/account')
    reset.assertSession('auth_customer', customer.id)
    reset.assertFlashMessage('notice', 'Votre mot de passe est changé, vous êtes connecté.')
    await customer.refresh()
    assert.isTrue(await passwordWorks(customer, NEW_PASSWORD))
    assert.isFalse(await passwordWorks(customer, CUSTOMER_PASSWORD))

    const again = await resetWith(client, token, 'encore-un-autre-mot-de-passe')
    again.assertHeader('location', '/account/forgot-password')
    again.assertFlashMessage('error', INVALID)
    again.assertSessionMissing('auth_customer')
    assert.isTrue(await passwordWorks(customer, NEW_PASSWORD))
    const spent = await client.get(`/account/reset-password/${token}`)
    assert.include(spent.text(), INVALID)
    assert.notInclude(spent.text(), 'name="password"')
  })

  test('an unknown email gets the same answer, and no e-mail is sent', async ({
    assert,
    client,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const response = await askForLink(client, uniqueEmail('nobody'))
    response.assertHeader('location', '/account/login')
    response.assertFlashMessage('notice', SENT)
    assert.lengthOf(messages.sent(), 0)
  })

  test('an English-speaking customer gets the e-mail and its link in English', async ({
    assert,
    client,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const customer = await CustomerFactory.apply('english').create()
    // Asked from the French storefront: the account's language decides.
    await askForLink(client, customer.email)
    const [sent] = messages.sent()
    sent.assertSubject('Your new password – Comptoir')
    sent.assertTextIncludes('This link works for 60 minutes, once.')
    sent.assertHtmlIncludes('<html lang="en">')
    assert.match(
      String(sent.nodeMailerMessage.text),
      /https?:\/\/[^/]+\/en\/account\/reset-password\//
    )
  })

  test('an expired link is refused and changes nothing', async ({ assert, client, cleanup }) => {
    const messages = fakeMail(cleanup)
    const customer = await CustomerFactory.create()
    await askForLink(client, customer.email)
    const token = tokenIn(messages.sent()[0].nodeMailerMessage.text as string)
    await db
      .from('customer_password_resets')
      .where('customer_id', customer.id)
      .update({ expires_at: sqlTimestamp(DateTime.now().minus({ minutes: 1 })) })

    const form = await client.get(`/account/reset-password/${token}`)
    assert.include(form.text(), INVALID)
    const response = await resetWith(client, token)
    response.assertFlashMessage('error', INVALID)
    response.assertSessionMissing('auth_customer')
    assert.isTrue(await passwordWorks(customer, CUSTOMER_PASSWORD))
  })

  test('a successful reset spends the account’s other links', async ({
    assert,
    client,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const customer = await CustomerFactory.create()
    await askForLink(client, customer.email)
    await askForLink(client, customer.email)
    const [first, second] = messages
      .sent()
      .map((sent) => tokenIn(sent.nodeMailerMessage.text as string))
    assert.notEqual(first, second)

    const used = await resetWith(client, second)
    used.assertHeader('location', '/account')
    const other = await resetWith(client, first, 'une-autre-phrase-longue')
    other.assertFlashMessage('error', INVALID)
    assert.isTrue(await passwordWorks(customer, NEW_PASSWORD))
  })

  test('the reset form applies the registration password policy and keeps the link', async ({
    assert,
    client,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const customer = await CustomerFactory.create()
    await askForLink(client, customer.email)
    const token = tokenIn(messages.sent()[0].nodeMailerMessage.text as string)

    const short = await resetWith(client, token, 'trop-court')
    short.assertHeader('location', `/account/reset-password/${token}`)
    assert.deepEqual(short.flashMessage('inputErrorsBag.password'), [
      'Le mot de passe doit contenir au moins 12 caractères.',
    ])
    const valid = await resetWith(client, token)
    valid.assertHeader('location', '/account')
  })

  test('no more than three links an hour for one account', async ({ assert, client, cleanup }) => {
    const messages = fakeMail(cleanup)
    const customer = await CustomerFactory.create()
    for (let request = 1; request <= 4; request++) {
      const response = await askForLink(client, customer.email)
      response.assertFlashMessage('notice', SENT)
    }
    assert.lengthOf(messages.sent(), 3)
  })
})
