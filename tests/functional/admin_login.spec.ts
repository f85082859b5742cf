import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#models/audit_log'
import { AdminUserFactory } from '#database/factories/admin_user_factory'

const PASSWORD = 'correct-horse-battery'

test.group('Back-office login', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the right password signs in, records the sign-in and opens the dashboard', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const response = await client
      .post('/admin/login')
      .form({ email: owner.email.toUpperCase(), password: PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/admin')
    const signIn = await AuditLog.findByOrFail('action', 'admin_user.sign_in')
    assert.equal(signIn.adminUserId, owner.id)
    await owner.refresh()
    assert.isNotNull(owner.lastLoginAt)
  })

  test('a wrong password and an unknown email get the same generic error', async ({ client }) => {
    const owner = await AdminUserFactory.create()
    const generic = 'Adresse e-mail ou mot de passe incorrect.'

    const wrongPassword = await client
      .post('/admin/login')
      .header('referer', '/admin/login')
      .form({ email: owner.email, password: 'not-the-password' })
      .withCsrfToken()
      .redirects(0)
    wrongPassword.assertStatus(302)
    wrongPassword.assertHeader('location', '/admin/login')
    wrongPassword.assertFlashMessage('error', generic)

    const unknownEmail = await client
      .post('/admin/login')
      .form({ email: 'nobody@comptoir.test', password: 'not-the-password' })
      .withCsrfToken()
      .redirects(0)
    unknownEmail.assertFlashMessage('error', generic)
  })

  test('repeated failures lock the account out, even with the right password', async ({
    client,
  }) => {
    const owner = await AdminUserFactory.create()
    const attempt = (password: string) =>
      client
        .post('/admin/login')
        .form({ email: owner.email, password })
        .withCsrfToken()
        .redirects(0)

    for (let failure = 1; failure <= 5; failure++) {
      const response = await attempt('wrong-password')
      response.assertFlashMessage('error', 'Adresse e-mail ou mot de passe incorrect.')
    }

    const locked = await attempt(PASSWORD)
    locked.assertStatus(302)
    locked.assertFlashMessage(
      'error',
      'Trop de tentatives de connexion. Réessayez dans 15 minutes.'
    )
    locked.assertHeader('location', '/')
  })

  test('the error is translated for an English-speaking member of staff', async ({ client }) => {
    const response = await client
      .post('/admin/login')
      .header('accept-language', 'en-GB,en;q=0.8')
      .form({ email: 'nobody@comptoir.test', password: 'whatever-it-is' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', 'Wrong email address or password.')
  })

  test('signing out ends the session', async ({ client }) => {
    const owner = await AdminUserFactory.create()
    const response = await client.post('/admin/logout').withCsrfToken().loginAs(owner).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/admin/login')
  })
})
