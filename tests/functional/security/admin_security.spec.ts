import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { parisDate } from '#domain/paris_time'
import { formatCalendarDay } from '#support/calendar_days'
import {
  AUDIT_FEED,
  AUDIT_HOTFIX,
  advisedShop,
  advisory,
  trustedFeedServer,
} from '#tests/helpers/security_feed'

test.group('Admin Security page and dashboard notice', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the owner sees the components, open advisories with due dates and what to do', async ({
    client,
    assert,
    cleanup,
  }) => {
    await advisedShop(cleanup)
    const owner = await AdminUserFactory.create()

    const response = await client.get('/admin/security').loginAs(owner)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<h1>Sécurité</h1>')
    assert.include(html, 'Dernière copie vérifiée')
    assert.match(
      html,
      /GHSA-fx01-adv1-sed1.*XSS stockée dans les commentaires.*fixture-advised 1\.0\.0.*Élevée \(CVSS 8,1\)/s
    )
    assert.include(html, 'dimanche 20 décembre 2026')
    assert.include(
      html,
      `Appliquez le correctif ${AUDIT_HOTFIX} avec node ace patch:apply ${AUDIT_HOTFIX}`
    )
    assert.include(html, 'Mettez à jour vers la version 1.0.2.')
    // The core's medium advisory has no PCI-DSS due date; the one fixed by 0.1.0 is dealt with.
    assert.include(html, 'à votre appréciation')
    assert.match(html, /GHSA-core-old0-fix1.*Corrigée par mise à jour/s)
    assert.notInclude(html, 'GHSA-fx02-futu-re01')
    assert.include(html, 'href="/admin/security"')
  })

  test('the page shows the last refresh error and keeps the verified copy', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { server, publish } = await trustedFeedServer(cleanup)
    const owner = await AdminUserFactory.create()

    const never = await client.get('/admin/security').loginAs(owner)
    assert.include(never.text(), 'Aucun flux vérifié pour l&#x27;instant')

    const good = publish({ generated: '2026-11-24T06:00:00Z', advisories: [] })
    const refreshed = await client.post('/admin/security/refresh').withCsrfToken().loginAs(owner)
    refreshed.assertRedirectsTo('/admin/security')

    server.publish(
      Buffer.from('{"generated":"2026-11-25T06:00:00Z","advisories":[]}'),
      good.signature
    )
    await client.post('/admin/security/refresh').withCsrfToken().loginAs(owner)
    const page = await client.get('/admin/security').loginAs(owner)
    const html = page.text()
    assert.include(html, 'La dernière mise à jour a échoué')
    assert.include(html, 'the signature does not verify with any trusted key')
    assert.include(html, 'Dernière copie vérifiée')
    assert.include(html, 'Aucune alerte ouverte ne concerne la boutique.')
  })

  test('the dashboard warns the owner of open critical and high advisories with their due date', async ({
    client,
    assert,
    cleanup,
  }) => {
    const today = parisDate(new Date())
    await advisedShop(cleanup, {
      generated: '2026-11-24T06:00:00Z',
      advisories: [
        ...AUDIT_FEED.advisories,
        advisory({
          id: 'GHSA-fx03-todo-y001',
          package: 'fixture-advised',
          affected: '<1.0.2',
          severity: 'critical',
          cvss: 9.6,
          published: today,
        }),
        advisory({
          id: 'GHSA-fx04-late-0001',
          package: 'fixture-advised',
          affected: '<1.0.2',
          published: '2020-01-01',
        }),
      ],
    })
    const owner = await AdminUserFactory.create()

    const response = await client.get('/admin').loginAs(owner)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Alertes de sécurité concernant la boutique')
    assert.include(
      html,
      'GHSA-fx01-adv1-sed1 (Élevée, CVSS 8,1) sur fixture-advised 1.0.0 : XSS stockée dans les commentaires'
    )
    const inThirtyDays = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000)
    assert.include(
      html,
      `Échéance le ${formatCalendarDay(inThirtyDays.toISOString().slice(0, 10), 'fr')}.`
    )
    assert.include(html, `En retard depuis le ${formatCalendarDay('2020-01-31', 'fr')}.`)
    // Medium advisories wait for the Security page.
    assert.notInclude(html, 'GHSA-core-medi-um01')
  })

  test('a manager gets neither the page nor the notice', async ({ client, assert, cleanup }) => {
    await advisedShop(cleanup)
    const manager = await AdminUserFactory.apply('manager').create()

    const page = await client.get('/admin/security').loginAs(manager)
    page.assertStatus(403)
    const refresh = await client.post('/admin/security/refresh').withCsrfToken().loginAs(manager)
    refresh.assertStatus(403)

    const dashboard = await client.get('/admin').loginAs(manager)
    dashboard.assertStatus(200)
    assert.notInclude(dashboard.text(), 'GHSA-fx01-adv1-sed1')
    assert.notInclude(dashboard.text(), 'href="/admin/security"')
  })
})
