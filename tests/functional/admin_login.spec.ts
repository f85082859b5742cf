import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#models/audit_log'
import type AdminUser from '#models/admin_user'
import { AdminUserFactory } from '#database/factories/admin_user_factory'

const PASSWORD = 'correct-horse-battery'
const INVALID = 'Adresse e-mail ou mot de passe incorrect.'

test.group('Back-office login', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  /**
   * Posts the login form as if from the given address (trusted through the
   * loopback proxy, as behind a load balancer).
   */
  function signIn(
    client: ApiClient,
    user: Pick<AdminUser, 'email'>,
    password: string,
    ip = '203.0.113.10'
  ) {
    return client
      .post('/admin/login')
      .header('x-forwarded-for', ip)
      .form({ email: user.email, password })
      .withCsrfToken()
      .redirects(0)
  }

  test('the right password signs in, records the sign-in and opens the dashboard', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const response = await signIn(client, { email: owner.email.toUpperCase() }, PASSWORD)

    response.assertStatus(302)
    response.assertHeader('location', '/admin')
    const signInEntry = await AuditLog.findByOrFail('action', 'admin_user.sign_in')
    assert.equal(signInEntry.adminUserId, owner.id)
    assert.equal(signInEntry.ip, '203.0.113.10')
    await owner.refresh()
    assert.isNotNull(owner.lastLoginAt)
  })

  test('a wrong password and an unknown email get the same generic error', async ({ client }) => {
    const owner = await AdminUserFactory.create()

    const wrongPassword = await signIn(client, owner, 'not-the-password')
    wrongPassword.assertStatus(302)
    wrongPassword.assertHeader('location', '/admin/login')
    wrongPassword.assertFlashMessage('error', INVALID)

    const unknownEmail = await signIn(client, { email: 'nobody@comptoir.test' }, 'not-the-password')
    unknownEmail.assertHeader('location', '/admin/login')
    unknownEmail.assertFlashMessage('error', INVALID)
  })

  test('five failures from one address lock that address out, even with the right password', async ({
    client,
  }) => {
    const owner = await AdminUserFactory.create()
    for (let failure = 1; failure <= 5; failure++) {
      const response = await signIn(client, owner, 'wrong-password')
      response.assertFlashMessage('error', INVALID)
    }

    const locked = await signIn(client, owner, PASSWORD)
    locked.assertHeader('location', '/admin/login')
    locked.assertFlashMessage(
      'error',
      'Trop de tentatives de connexion. Réessayez dans 15 minutes.'
    )

    const elsewhere = await signIn(client, owner, PASSWORD, '198.51.100.7')
    elsewhere.assertHeader('location', '/admin')
  })

  test('changing address does not buy more guesses against one account', async ({ client }) => {
    const owner = await AdminUserFactory.create()
    for (let failure = 0; failure < 20; failure++) {
      const response = await signIn(client, owner, 'wrong-password', `198.51.100.${failure}`)
      response.assertFlashMessage('error', INVALID)
    }

    const locked = await signIn(client, owner, PASSWORD, '192.0.2.99')
    locked.assertFlashMessage(
      'error',
      'Trop de tentatives de connexion. Réessayez dans 60 minutes.'
    )
  })

  test('the error is translated for an English-speaking member of staff', async ({ client }) => {
    const response = await signIn(
      client,
      { email: 'nobody@comptoir.test' },
      'whatever-it-is'
    ).header('accept-language', 'en-GB,en;q=0.8')
    response.assertFlashMessage('error', 'Wrong email address or password.')
  })

  test('signing out ends the session', async ({ client }) => {
    const owner = await AdminUserFactory.create()
    const response = await client.post('/admin/logout').withCsrfToken().loginAs(owner).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/admin/login')
    response.assertSessionMissing('auth_admin')
  })
})
