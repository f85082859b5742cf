import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CODE, identities, kit, ssoOnTestIdp } from '#tests/helpers/sso_plugin'

type Customer = Awaited<ReturnType<typeof kit.CustomerFactory.create>>

/** An identity linked to the customer, as a sign-in with the provider leaves it. */
async function link(customer: Customer, subject: string, providerCode = CODE) {
  const [id] = await db.table('sso_identities').insert({
    audience: 'shoppers',
    provider_code: providerCode,
    subject,
    customer_id: customer.id,
    email: customer.email,
    created_at: DateTime.utc().toSQL({ includeOffset: false }),
  })
  return Number(id)
}

/** The account page's "Dissocier" button, pressed by the signed-in customer. */
function unlink(client: ApiClient, customer: Customer, id: number) {
  return client
    .post(`/account/sso/${id}/unlink`)
    .withGuard('customer')
    .loginAs(customer)
    .withCsrfToken()
    .redirects(0)
}

test.group('Linked providers on the account page', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('lists the linked provider with an unlink button, and unlinks it for an account with a password', async ({
    client,
    assert,
    cleanup,
  }) => {
    await ssoOnTestIdp(cleanup)
    const customer = await kit.CustomerFactory.create()
    const id = await link(customer, 'sub-1')

    const page = await client.get('/account').withGuard('customer').loginAs(customer)
    page.assertTextIncludes('Connexion avec un fournisseur')
    page.assertTextIncludes('aria-label="Dissocier Test IdP"')

    const response = await unlink(client, customer, id)
    response.assertHeader('location', '/account')
    response.assertFlashMessage('notice', 'Le fournisseur a été dissocié de votre compte.')
    assert.lengthOf(await identities(), 0)
  })

  test('never unlinks the last way to sign in of an account without password', async ({
    client,
    assert,
    cleanup,
  }) => {
    await ssoOnTestIdp(cleanup)
    const customer = await kit.CustomerFactory.create()
    await db.from('customers').where('id', customer.id).update({ password_set: false })
    const id = await link(customer, 'sub-only')

    const page = await client.get('/account').withGuard('customer').loginAs(customer)
    page.assertTextIncludes('Seul moyen de connexion de ce compte')
    const response = await unlink(client, customer, id)

    response.assertFlashMessage(
      'error',
      "Impossible de dissocier ce fournisseur : c'est votre seul moyen de connexion. Définissez d'abord un mot de passe (« Mot de passe oublié »)."
    )
    assert.lengthOf(await identities(), 1)
  })

  test('with two providers linked and no password, one of them may go', async ({
    client,
    assert,
    cleanup,
  }) => {
    await ssoOnTestIdp(cleanup)
    const customer = await kit.CustomerFactory.create()
    await db.from('customers').where('id', customer.id).update({ password_set: false })
    const first = await link(customer, 'sub-a')
    await link(customer, 'sub-b', 'other-idp')

    await unlink(client, customer, first)

    const left = await identities()
    assert.deepEqual(
      left.map((row) => row.provider_code),
      ['other-idp']
    )
  })

  test("another customer's identity cannot be unlinked", async ({ client, assert, cleanup }) => {
    await ssoOnTestIdp(cleanup)
    const [owner, other] = await kit.CustomerFactory.createMany(2)
    const id = await link(owner, 'sub-owner')

    const response = await unlink(client, other, id)

    response.assertStatus(404)
    assert.lengthOf(await identities(), 1)
  })
})
