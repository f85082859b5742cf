import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#models/audit_log'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import SettingsService from '#services/settings_service'
import app from '@adonisjs/core/services/app'
import { ADMIN_IP, enrolTwoFactor, postPassword } from '#tests/helpers/admin_two_factor'
import { readable } from '#tests/helpers/withdrawals'

async function requireTwoFactor() {
  const settings = await app.container.make(SettingsService)
  await settings.update({ 'admin.two_factor_required': true }, null, null)
}

test.group('Back-office 2FA: required by the owner', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the owner switches the requirement on in the settings, and it is audited', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    await enrolTwoFactor(owner)
    const page = await client.get('/admin/settings').loginAs(owner)
    assert.match(
      page.text(),
      /<input type="checkbox" id="two-factor-required" name="required" value="1" >/
    )

    const saved = await client
      .put('/admin/settings/two-factor')
      .header('x-forwarded-for', ADMIN_IP)
      .form({ required: '1' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    saved.assertHeader('location', '/admin/settings')
    saved.assertFlashMessage(
      'success',
      'La vérification en deux étapes est désormais exigée pour tous les administrateurs.'
    )
    const settings = await app.container.make(SettingsService)
    assert.isTrue(await settings.twoFactorRequired())
    const entry = await AuditLog.query()
      .where('action', 'settings.update')
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.equal(entry.adminUserId, owner.id)
    assert.equal(entry.ip, ADMIN_IP)
    assert.deepEqual(JSON.parse(entry.changes!), { 'admin.two_factor_required': true })

    const checked = await client.get('/admin/settings').loginAs(owner)
    assert.match(checked.text(), /id="two-factor-required" name="required" value="1" checked>/)

    const off = await client
      .put('/admin/settings/two-factor')
      .form({})
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    off.assertFlashMessage('success', "La vérification en deux étapes n'est plus exigée.")
    assert.isFalse(await settings.twoFactorRequired())
  })

  test('only the owner may change it', async ({ client }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const response = await client
      .put('/admin/settings/two-factor')
      .form({ required: '1' })
      .withCsrfToken()
      .loginAs(manager)
    response.assertStatus(403)
  })

  test('a member of staff without 2FA is sent to enrolment and reaches nothing else', async ({
    client,
    assert,
  }) => {
    await requireTwoFactor()
    const manager = await AdminUserFactory.apply('manager').create()

    const signedIn = await postPassword(client, manager)
    signedIn.assertHeader('location', '/admin')
    for (const [method, path] of [
      ['GET', '/admin'],
      ['GET', '/admin/orders'],
      ['GET', '/admin/catalog'],
      ['POST', '/admin/catalog/products'],
    ]) {
      const response = await client
        .request(path, method)
        .withCsrfToken()
        .loginAs(manager)
        .redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/admin/account/security')
    }

    const security = await client.get('/admin/account/security').loginAs(manager)
    security.assertStatus(200)
    assert.include(
      readable(security.text()),
      'La boutique exige la vérification en deux étapes pour tous les comptes.'
    )

    await enrolTwoFactor(manager)
    const dashboard = await client.get('/admin').loginAs(manager)
    dashboard.assertStatus(200)

    // Enrolled, the next sign-in asks for the code like any other.
    const next = await postPassword(client, manager)
    next.assertHeader('location', '/admin/login/two-factor')
  })

  test('signing out stays open before enrolment', async ({ client }) => {
    await requireTwoFactor()
    const support = await AdminUserFactory.apply('support').create()
    const response = await client
      .post('/admin/logout')
      .withCsrfToken()
      .loginAs(support)
      .redirects(0)
    response.assertHeader('location', '/admin/login')
  })

  test('staff without 2FA work as before while it is not required', async ({ client }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const dashboard = await client.get('/admin').loginAs(manager)
    dashboard.assertStatus(200)
  })
})
