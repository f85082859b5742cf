import { setTimeout } from 'node:timers/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiRequest, ApiResponse } from '@japa/api-client'
import AuditLog from '#models/audit_log'
import { BYPASS_COOKIE } from '#middleware/maintenance_middleware'
import MaintenanceService, { type MaintenanceOptions } from '#services/maintenance_service'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'
import { countQueries } from '#tests/helpers/query_counter'

const cli = { admin: null, source: 'cli' } as const

function maintenance() {
  return app.container.make(MaintenanceService)
}

async function turnOn(options: MaintenanceOptions = {}) {
  const service = await maintenance()
  return service.turnOn(options, cli)
}

async function storedState() {
  const service = await maintenance()
  return service.read()
}

async function isOn() {
  const state = await storedState()
  return state.enabled
}

/**
 * The bypass cookie's content as the server set it (decrypted by the API client),
 * to send back with `withEncryptedCookie`.
 */
function bypassCookie(response: ApiResponse): string | undefined {
  return response.cookie(BYPASS_COOKIE)?.value
}

async function statusOf(request: ApiRequest) {
  const response = await request
  return response.status()
}

/**
 * Runs an ace command in this process, its output captured.
 */
async function runAce(name: string, argv: string[]) {
  const ace = await app.container.make('ace')
  ace.ui.switchMode('raw')
  try {
    const command = await ace.exec(name, argv)
    const output = command.ui.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    command.ui.logger.flushLogs()
    return { exitCode: command.exitCode, output }
  } finally {
    ace.ui.switchMode('normal')
  }
}

test.group('Maintenance mode', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  /**
   * Registered after the transaction, so it runs before the rollback: the shop
   * reopens through the service, which also clears this process's cached state.
   */
  group.each.setup(() => async () => {
    const service = await maintenance()
    await service.turnOff(cli)
  })

  test('the storefront answers 503 with a translated page and Retry-After', async ({
    client,
    assert,
  }) => {
    await turnOn({ retryAfter: 120 })

    const french = await client.get('/')
    french.assertStatus(503)
    assert.equal(french.header('retry-after'), '120')
    assert.equal(french.header('cache-control'), 'no-store')
    const html = french.text()
    assert.include(html, '<html lang="fr">')
    assert.include(html, 'Nous revenons très vite')
    assert.include(html, 'Comptoir est en maintenance')
    assert.include(html, '<main id="main"')
    assert.include(html, 'class="site-header"')
    assert.include(html, 'class="site-footer"')
    assert.match(html, /href="\/assets\/css\/app\.[0-9a-f]{10}\.css"/)
    assert.notInclude(html, 'role="search"')

    const english = await client.get('/en/p/some-product')
    english.assertStatus(503)
    assert.include(english.text(), '<html lang="en">')
    assert.include(english.text(), 'We will be back shortly')

    const unknown = await client.get('/no-such-page')
    unknown.assertStatus(503)

    const stylesheet = await client.get(/href="(\/assets\/css\/app\.[^"]+)"/.exec(html)![1])
    stylesheet.assertStatus(200)
  })

  test('the back office, its login page and /health stay open', async ({ client, assert }) => {
    await turnOn()

    const login = await client.get('/admin/login')
    login.assertStatus(200)
    assert.include(login.text(), 'name="password"')

    const owner = await AdminUserFactory.create()
    const dashboard = await client.get('/admin').loginAs(owner)
    dashboard.assertStatus(200)

    const health = await client.get('/health')
    health.assertStatus(200)
    health.assertBody({ healthy: true, checks: { database: 'ok' } })
  })

  test('an allowed address sees the shop, others the maintenance page', async ({ client }) => {
    await turnOn({ allowedIps: ['127.0.0.1'] })
    const allowed = await client.get('/')
    allowed.assertStatus(200)

    await turnOn({ allowedIps: ['203.0.113.7'] })
    const other = await client.get('/')
    other.assertStatus(503)

    // request.ip() trusts X-Forwarded-For from loopback proxies (config/app.ts).
    const proxied = await client.get('/').header('x-forwarded-for', '203.0.113.7')
    proxied.assertStatus(200)

    await turnOn({ allowedIps: ['127.0.0.0/8'] })
    const range = await client.get('/')
    range.assertStatus(200)
  })

  test('the secret URL hands out a cookie that shows the shop', async ({ client, assert }) => {
    await turnOn({ secret: 'agency-preview-2026' })

    const bypass = await client.get('/maintenance/agency-preview-2026').redirects(0)
    bypass.assertStatus(302)
    assert.equal(bypass.header('location'), '/')
    const cookie = bypassCookie(bypass)
    assert.exists(cookie)
    assert.notInclude(cookie!, 'agency-preview-2026')
    assert.notInclude(String(bypass.headers()['set-cookie']), cookie!)

    const withCookie = await client.get('/en').withEncryptedCookie(BYPASS_COOKIE, cookie!)
    withCookie.assertStatus(200)
    const withoutCookie = await client.get('/en')
    withoutCookie.assertStatus(503)
  })

  test('a wrong secret gets the plain 503 page and no cookie', async ({ client, assert }) => {
    await turnOn({ secret: 'agency-preview-2026' })

    for (const path of ['/maintenance/agency-preview-2027', '/maintenance/x']) {
      const response = await client.get(path).redirects(0)
      response.assertStatus(503)
      assert.include(response.text(), 'Nous revenons très vite')
      assert.isUndefined(bypassCookie(response), path)
    }
  })

  test('the bypass cookie cannot be forged and dies with its secret', async ({
    client,
    assert,
  }) => {
    const { state } = await turnOn({ secret: 'agency-preview-2026' })
    const service = await maintenance()
    const token = service.bypassToken(state)!

    const bypass = await client.get('/maintenance/agency-preview-2026').redirects(0)
    const cookie = bypassCookie(bypass)!
    assert.equal(cookie, token)
    assert.equal(await statusOf(client.get('/').withEncryptedCookie(BYPASS_COOKIE, cookie)), 200)

    // The right content, but not encrypted with the app key.
    assert.equal(await statusOf(client.get('/').withPlainCookie(BYPASS_COOKIE, token)), 503)
    assert.equal(await statusOf(client.get('/').withCookie(BYPASS_COOKIE, token)), 503)
    assert.equal(await statusOf(client.get('/').withEncryptedCookie(BYPASS_COOKIE, 'x')), 503)

    await turnOn({ secret: 'a-brand-new-secret-2026' })
    assert.equal(await statusOf(client.get('/').withEncryptedCookie(BYPASS_COOKIE, cookie)), 503)

    // The same secret in a later maintenance does not revive the cookie.
    const later = await client.get('/maintenance/a-brand-new-secret-2026').redirects(0)
    const laterCookie = bypassCookie(later)!
    await service.turnOff(cli)
    await setTimeout(5)
    await turnOn({ secret: 'a-brand-new-secret-2026' })
    const revived = client.get('/').withEncryptedCookie(BYPASS_COOKIE, laterCookie)
    assert.equal(await statusOf(revived), 503)
  })

  test('each process reads the state once per couple of seconds, and again after a write', async ({
    client,
    assert,
  }) => {
    const service = await maintenance()
    await turnOn({ retryAfter: 120 })
    assert.equal(await countQueries(() => service.current()), 1)
    const closedPages = await countQueries(async () => {
      for (let i = 0; i < 3; i++) await client.get('/')
    })
    // The shop name for each page; the maintenance state from memory.
    assert.equal(closedPages, 3)

    await turnOn({ retryAfter: 60 })
    const closed = await client.get('/')
    assert.equal(closed.header('retry-after'), '60')
  })

  test('maintenance:on closes the shop, prints the bypass link and is idempotent', async ({
    client,
    assert,
  }) => {
    const first = await runAce('maintenance:on', ['--allow', '127.0.0.1', '--retry-after', '300'])
    assert.equal(first.exitCode, 0)
    assert.include(first.output, 'Maintenance mode is on')
    assert.include(first.output, 'Allowed IPs: 127.0.0.1')
    const secret = first.output.match(/\/maintenance\/([\w-]+)/)![1]
    assert.equal(await statusOf(client.get('/')), 200)
    assert.equal(await statusOf(client.get('/').header('x-forwarded-for', '203.0.113.7')), 503)

    const again = await runAce('maintenance:on', ['--allow', '127.0.0.1', '--retry-after', '300'])
    assert.equal(again.exitCode, 0)
    assert.include(again.output, 'already on with these options: nothing changed')
    assert.include(again.output, 'Bypass secret: unchanged')

    const updated = await runAce('maintenance:on', ['--allow', '203.0.113.7,192.0.2.0/24'])
    assert.equal(updated.exitCode, 0)
    assert.include(updated.output, 'already on: its options are updated')
    assert.include(updated.output, 'Allowed IPs: 203.0.113.7, 192.0.2.0/24')
    const closed = await client.get('/')
    closed.assertStatus(503)
    assert.equal(closed.header('retry-after'), '600')

    // The secret printed the first time still opens the shop.
    const bypass = await client.get(`/maintenance/${secret}`).redirects(0)
    bypass.assertStatus(302)

    assert.equal(await countRows('audit_logs', { action: 'maintenance.enable' }), 1)
    assert.equal(await countRows('audit_logs', { action: 'maintenance.update' }), 1)
    const entry = await AuditLog.findByOrFail('action', 'maintenance.enable')
    assert.isNull(entry.adminUserId)
    assert.deepEqual(JSON.parse(entry.changes!), {
      allowedIps: ['127.0.0.1'],
      retryAfter: 300,
      newSecret: true,
      source: 'cli',
    })
    assert.notInclude(entry.changes!, secret)
  })

  test('maintenance:on --secret sets the given secret, or a new one without a value', async ({
    client,
    assert,
  }) => {
    const given = await runAce('maintenance:on', ['--secret', 'agency-preview-2026'])
    assert.equal(given.exitCode, 0)
    assert.include(given.output, '/maintenance/agency-preview-2026')
    assert.equal(await statusOf(client.get('/maintenance/agency-preview-2026').redirects(0)), 302)

    const regenerated = await runAce('maintenance:on', ['--secret'])
    assert.equal(regenerated.exitCode, 0)
    const secret = regenerated.output.match(/\/maintenance\/([\w-]+)/)![1]
    assert.notEqual(secret, 'agency-preview-2026')
    assert.equal(await statusOf(client.get(`/maintenance/${secret}`).redirects(0)), 302)
    assert.equal(await statusOf(client.get('/maintenance/agency-preview-2026').redirects(0)), 503)
  })

  test('maintenance:on refuses bad input, says why and changes nothing', async ({
    client,
    assert,
  }) => {
    const invalid = await runAce('maintenance:on', ['--allow', '999.1.1.1'])
    assert.equal(invalid.exitCode, 1)
    assert.include(invalid.output, '--allow: Not an IP address or range: 999.1.1.1')
    assert.include(invalid.output, 'Nothing changed')
    assert.equal(await statusOf(client.get('/')), 200)

    await turnOn({ allowedIps: ['203.0.113.7'], retryAfter: 120 })
    for (const argv of [
      ['--allow', '127.0.0.1', '--secret', 'short'],
      ['--retry-after', '0'],
      ['--allow', '127.0.0.1', '10.0.0.1'],
    ]) {
      const refused = await runAce('maintenance:on', argv)
      assert.equal(refused.exitCode, 1, argv.join(' '))
      assert.include(refused.output, 'Nothing changed', argv.join(' '))
    }
    const state = await storedState()
    assert.isTrue(state.enabled)
    assert.deepEqual(state.enabled && [state.allowedIps, state.retryAfter], [['203.0.113.7'], 120])
    assert.equal(await countRows('audit_logs', { action: 'maintenance.update' }), 0)
  })

  test('maintenance:off reopens the shop and is idempotent', async ({ client, assert }) => {
    await runAce('maintenance:on', [])
    assert.equal(await statusOf(client.get('/')), 503)

    const off = await runAce('maintenance:off', [])
    assert.equal(off.exitCode, 0)
    assert.include(off.output, 'Maintenance mode is off')
    assert.equal(await statusOf(client.get('/')), 200)
    // The bypass URL exists only during maintenance.
    assert.equal(await statusOf(client.get('/maintenance/whatever-secret-value')), 404)

    const again = await runAce('maintenance:off', [])
    assert.equal(again.exitCode, 0)
    assert.include(again.output, 'was already off')
    assert.equal(await countRows('audit_logs', { action: 'maintenance.disable' }), 1)
  })

  test('an owner switches maintenance on and off from the back office, audit-logged', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const page = await client.get('/admin/maintenance').loginAs(owner)
    page.assertStatus(200)
    assert.include(page.text(), 'La boutique est ouverte.')
    assert.include(page.text(), 'Votre adresse : 127.0.0.1.')

    const on = await client
      .put('/admin/maintenance')
      .form({
        allowedIps: '203.0.113.7\n192.0.2.0/24',
        retryAfter: '900',
        secret: 'agency-preview-2026',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    on.assertStatus(302)
    on.assertFlashMessage('success', 'Maintenance activée : la boutique est fermée aux visiteurs.')
    const closed = await client.get('/')
    closed.assertStatus(503)
    assert.equal(closed.header('retry-after'), '900')
    assert.equal(await statusOf(client.get('/').header('x-forwarded-for', '192.0.2.10')), 200)
    assert.equal(await statusOf(client.get('/maintenance/agency-preview-2026').redirects(0)), 302)

    const entry = await AuditLog.findByOrFail('action', 'maintenance.enable')
    assert.equal(entry.adminUserId, owner.id)
    assert.equal(entry.entityType, 'maintenance')
    assert.isNotNull(entry.ip)
    assert.deepEqual(JSON.parse(entry.changes!), {
      allowedIps: ['203.0.113.7', '192.0.2.0/24'],
      retryAfter: 900,
      newSecret: true,
      source: 'admin',
    })

    const closedPage = await client.get('/admin/maintenance').loginAs(owner)
    assert.include(closedPage.text(), 'fermée pour maintenance depuis le')
    assert.include(closedPage.text(), 'Un secret de contournement est défini.')
    assert.include(closedPage.text(), '203.0.113.7\n192.0.2.0/24</textarea>')
    assert.notInclude(closedPage.text(), 'agency-preview-2026')

    const off = await client
      .delete('/admin/maintenance')
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    off.assertStatus(302)
    off.assertFlashMessage('success', 'Maintenance désactivée : la boutique est ouverte.')
    assert.equal(await statusOf(client.get('/')), 200)
    const disabled = await AuditLog.findByOrFail('action', 'maintenance.disable')
    assert.equal(disabled.adminUserId, owner.id)
  })

  test('the back office refuses an invalid address without echoing the secret', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const response = await client
      .put('/admin/maintenance')
      .form({
        allowedIps: '127.0.0.1\nnot-an-ip',
        retryAfter: '600',
        secret: 'agency-preview-2026',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      allowedIps: ['Ni une adresse IP ni une plage : not-an-ip.'],
    })
    assert.notInclude(JSON.stringify(response.flashMessages()), 'agency-preview-2026')
    assert.include(JSON.stringify(response.flashMessages()), 'not-an-ip')
    assert.isFalse(await isOn())
    assert.equal(await countRows('audit_logs', { entity_type: 'maintenance' }), 0)
  })

  test('managers and support can neither see nor switch maintenance mode', async ({
    client,
    assert,
  }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const support = await AdminUserFactory.apply('support').create()

    assert.equal(await statusOf(client.get('/admin/maintenance').loginAs(manager)), 403)
    const menu = await client.get('/admin').loginAs(manager)
    assert.notInclude(menu.text(), 'href="/admin/maintenance"')

    for (const user of [manager, support]) {
      const on = await client
        .put('/admin/maintenance')
        .form({ allowedIps: '', retryAfter: '600' })
        .withCsrfToken()
        .loginAs(user)
      on.assertStatus(403)
    }
    await turnOn()
    const off = await client.delete('/admin/maintenance').withCsrfToken().loginAs(support)
    off.assertStatus(403)

    assert.isTrue(await isOn())
    assert.equal(await countRows('audit_logs', { entity_type: 'maintenance' }), 1)
  })
})
