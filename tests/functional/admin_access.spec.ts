import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#models/audit_log'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'

test.group('Back office access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every back-office route sends a signed-out visitor to the login page', async ({
    client,
    assert,
  }) => {
    // Signing in (password, second factor, SSO) is what a signed-out visitor may do.
    const signIn = /^\/admin\/(login|sso\/:code\/)/
    const routes = router
      .toJSON()
      .root.filter((route) => route.pattern.startsWith('/admin') && !signIn.test(route.pattern))
    assert.isAbove(routes.length, 5)

    for (const route of routes) {
      for (const method of route.methods.filter((verb) => verb !== 'HEAD')) {
        const url = route.pattern.replace(/:\w+/g, '1').replace('/*', '/x')
        const response = await client.request(url, method).withCsrfToken().redirects(0)
        assert.equal(response.status(), 302, `${method} ${route.pattern}`)
        assert.equal(response.header('location'), '/admin/login', `${method} ${route.pattern}`)
      }
    }
  })

  test('an owner sees the dashboard with the shop name and counts', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    const response = await client.get('/admin').loginAs(owner)
    response.assertStatus(200)
    assert.include(response.text(), 'Tableau de bord de')
    assert.include(response.text(), 'Comptes administrateurs')
  })

  test('owners see recent activity dated in French time; others do not', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    await AuditLog.create({
      adminUserId: owner.id,
      actorEmail: owner.email,
      action: 'settings.update',
      entityType: 'settings',
      createdAt: DateTime.fromISO('2026-03-23T09:05:00Z'),
    })

    const french = await client.get('/admin').loginAs(owner)
    assert.include(french.text(), 'Activité récente')
    assert.include(french.text(), '23 mars 2026 à 10:05')
    assert.include(french.text(), 'Paramètres modifiés')

    const english = await client.get('/admin').header('accept-language', 'en').loginAs(owner)
    assert.include(english.text(), 'March 23, 2026 at 10:05')

    const manager = await AdminUserFactory.apply('manager').create()
    const managerView = await client.get('/admin').loginAs(manager)
    assert.notInclude(managerView.text(), 'Activité récente')
  })

  test('support cannot reach owner-only pages (403)', async ({ client, assert }) => {
    const support = await AdminUserFactory.apply('support').create()

    const settings = await client.get('/admin/settings').loginAs(support)
    settings.assertStatus(403)
    assert.include(settings.text(), 'Accès refusé')

    const plugins = await client.get('/admin/plugins').loginAs(support)
    plugins.assertStatus(403)

    const orders = await client.get('/admin/orders').loginAs(support)
    orders.assertStatus(200)
  })

  test('the menu only lists what the role may open', async ({ client, assert }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const response = await client.get('/admin').loginAs(manager)
    const html = response.text()
    assert.include(html, 'href="/admin/catalog"')
    assert.notInclude(html, 'href="/admin/settings"')
    assert.notInclude(html, 'href="/admin/plugins"')
  })

  test('a support member cannot write settings either', async ({ client, assert }) => {
    const support = await AdminUserFactory.apply('support').create()
    const response = await client
      .put('/admin/settings')
      .form({ shopName: 'Hijacked' })
      .withCsrfToken()
      .loginAs(support)
    response.assertStatus(403)
    assert.equal(await countRows('audit_logs', { action: 'settings.update' }), 0)
  })

  test('an admin write lands in the audit log', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    const response = await client
      .put('/admin/settings')
      .form({ shopName: 'La Fromagerie' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)

    const entry = await AuditLog.query().where('action', 'settings.update').firstOrFail()
    assert.equal(entry.adminUserId, owner.id)
    assert.equal(entry.actorEmail, owner.email)
    assert.equal(entry.entityType, 'settings')
    assert.deepEqual(JSON.parse(entry.changes!), { 'shop.name': 'La Fromagerie' })
    assert.isNotNull(entry.ip)

    const home = await client.get('/')
    assert.include(home.text(), 'La Fromagerie')
  })

  test('an invalid setting is refused with a translated message and nothing is written', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const response = await client
      .put('/admin/settings')
      .form({ shopName: 'x' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      shopName: ['Le champ nom de la boutique doit contenir au moins 2 caractères.'],
    })
    assert.isNull(await AuditLog.findBy('action', 'settings.update'))
  })

  test('a form posted without its CSRF token is sent back and changes nothing', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const response = await client
      .put('/admin/settings')
      .form({ shopName: 'No token' })
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage(
      'error',
      'Le formulaire a expiré. Rechargez la page et recommencez.'
    )
    assert.isNull(await AuditLog.findBy('action', 'settings.update'))
    const home = await client.get('/')
    assert.notInclude(home.text(), 'No token')
  })
})
