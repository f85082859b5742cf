import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import type AdminUser from '#models/admin_user'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#models/audit_log'
import Setting from '#models/setting'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { ADMIN_PASSWORD, enrolTwoFactor } from '#tests/helpers/admin_two_factor'

const DISABLED =
  "La connexion par mot de passe est désactivée : utilisez le bouton de connexion de votre fournisseur d'identité."

test.group('Mandatory SSO for staff', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('an owner makes SSO mandatory with a break-glass owner who has 2FA', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const other = await AdminUserFactory.create()
    const page = await client.get('/admin/sso').loginAs(owner)
    page.assertStatus(200)
    page.assertTextIncludes('Rendre le SSO obligatoire pour l')
    page.assertTextIncludes(`<option value="${other.id}"`)

    const refused = await client
      .put('/admin/sso')
      .loginAs(owner)
      .form({ required: '1', breakGlassAdminUserId: String(other.id) })
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage(
      'error',
      'Le compte de secours doit avoir activé la double authentification.'
    )
    assert.isNull(await Setting.find('admin.sso_required'))

    await enrolTwoFactor(other)
    const saved = await client
      .put('/admin/sso')
      .loginAs(owner)
      .form({ required: '1', breakGlassAdminUserId: String(other.id) })
      .withCsrfToken()
      .redirects(0)
    saved.assertFlashMessage('success', 'Règle de connexion enregistrée.')
    const setting = await Setting.findOrFail('admin.sso_required')
    assert.deepEqual(JSON.parse(setting.value), { breakGlassAdminUserId: other.id })
    const entry = await AuditLog.query().where('action', 'settings.update').firstOrFail()
    assert.equal(entry.adminUserId, owner.id)
  })

  test('a manager cannot be the break-glass account', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    const manager = await AdminUserFactory.apply('manager').create()
    await enrolTwoFactor(manager)
    const response = await client
      .put('/admin/sso')
      .loginAs(owner)
      .form({ required: '1', breakGlassAdminUserId: String(manager.id) })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', 'Le compte de secours doit être un propriétaire.')
    assert.isNull(await Setting.find('admin.sso_required'))
  })

  test('once mandatory, only the break-glass owner may use the password form', async ({
    client,
  }) => {
    const breakGlass = await AdminUserFactory.create()
    const manager = await AdminUserFactory.apply('manager').create()
    await enrolTwoFactor(breakGlass)
    await requireSso(breakGlass)

    const refused = await passwordSignIn(client, manager)
    refused.assertHeader('location', '/admin/login')
    refused.assertFlashMessage('error', DISABLED)

    // The break-glass owner goes on to the second factor.
    const allowed = await passwordSignIn(client, breakGlass)
    allowed.assertHeader('location', '/admin/login/two-factor')
  })

  test('a break-glass owner who turned 2FA off, or was demoted, loses the password form', async ({
    client,
  }) => {
    const breakGlass = await AdminUserFactory.create()
    await requireSso(breakGlass)
    // Chosen with 2FA (see above), which is no longer on.
    const withoutSecondFactor = await passwordSignIn(client, breakGlass)
    withoutSecondFactor.assertFlashMessage('error', DISABLED)

    await enrolTwoFactor(breakGlass)
    breakGlass.role = 'manager'
    await breakGlass.save()
    const demoted = await passwordSignIn(client, breakGlass)
    demoted.assertFlashMessage('error', DISABLED)
  })

  test('the policy page is for owners only', async ({ client }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const response = await client.get('/admin/sso').loginAs(manager).redirects(0)
    response.assertStatus(403)
  })
})

/** SSO made mandatory, with this break-glass account. */
function requireSso(breakGlass: AdminUser) {
  return Setting.create({
    key: 'admin.sso_required',
    value: JSON.stringify({ breakGlassAdminUserId: breakGlass.id }),
  })
}

/** The password form of the admin login, not following its redirect. */
function passwordSignIn(client: TestContext['client'], user: AdminUser) {
  return client
    .post('/admin/login')
    .form({ email: user.email, password: ADMIN_PASSWORD })
    .withCsrfToken()
    .redirects(0)
}
