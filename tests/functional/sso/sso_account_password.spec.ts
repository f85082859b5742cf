import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { CustomerFactory } from '#database/factories/customer_factory'
import SsoIdentity from '#models/sso_identity'

/**
 * An account created by SSO has no password of its own (so its last linked
 * provider cannot be unlinked) until a reset link gives it one.
 */
test.group('Accounts created by SSO', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a password reset gives the account a password of its own', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { messages } = mail.fake()
    cleanup(() => mail.restore())
    const customer = await CustomerFactory.merge({ passwordSet: false }).create()

    await client
      .post('/account/forgot-password')
      .form({ email: customer.email })
      .withCsrfToken()
      .redirects(0)
    const match = /\/account\/reset-password\/([\w-]+)/.exec(
      String(messages.sent()[0].nodeMailerMessage.text)
    )
    const password = 'un-nouveau-mot-de-passe'
    await client
      .post(`/account/reset-password/${match![1]}`)
      .form({ password, password_confirmation: password })
      .withCsrfToken()
      .redirects(0)

    await customer.refresh()
    assert.isTrue(customer.passwordSet)
  })

  test('the personal data export lists the linked providers (LEGAL.md R-03)', async ({
    client,
    assert,
  }) => {
    const customer = await CustomerFactory.merge({ passwordSet: false }).create()
    await SsoIdentity.create({
      audience: 'shoppers',
      providerCode: 'keycloak',
      subject: 'kc-42',
      customerId: customer.id,
      adminUserId: null,
      email: 'claire@idp.example',
      lastUsedAt: null,
    })

    const response = await client
      .get('/account/privacy/export.json')
      .withGuard('customer')
      .loginAs(customer)
    response.assertStatus(200)
    assert.containsSubset(response.body().signInProviders, [
      { provider: 'keycloak', subject: 'kc-42', email: 'claire@idp.example' },
    ])
  })
})
