import { test } from '@japa/runner'
import type { ApiClient, ApiRequest } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { consentExpiry } from '#domain/cookie_consent'
import { fixturePlugin, runAce, usePluginSandbox } from '#tests/helpers/plugins'

async function trackerPlugin(cleanup: (handler: () => Promise<void>) => void) {
  await usePluginSandbox(cleanup)
  const install = await runAce('plugin:install', [fixturePlugin('fixture-tracker')])
  if (install.exitCode) throw new Error(install.output)
  const enable = await runAce('plugin:enable', ['fixture-tracker'])
  if (enable.exitCode) throw new Error(enable.output)
}

/** The page without its <template> elements: what the browser shows and runs. */
function live(html: string) {
  return html.replace(/<template[\s\S]*?<\/template>/g, '')
}

async function textOf(request: ApiRequest) {
  const response = await request
  return response.text()
}

function banner(html: string) {
  return /<section class="cookie-banner"[^>]*>/.exec(html)?.[0] ?? null
}

function choose(client: ApiClient, fields: Record<string, string | string[]>) {
  return client.post('/cookies').form(fields).withCsrfToken().redirects(0)
}

/** A request carrying the consent cookie as the browser sends it (raw, unsigned). */
function withConsent(request: ApiRequest, value: string) {
  request.cookiesJar.cookie_consent = { name: 'cookie_consent', value }
  return request
}

function consentCookie(setCookie: string | string[] | undefined) {
  return ([] as string[]).concat(setCookie ?? []).find((line) => line.startsWith('cookie_consent='))
}

test.group('Cookie consent with the core alone', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('R-02: the core alone sets no tracker: no banner, no consent script', async ({
    client,
    assert,
  }) => {
    const html = await textOf(client.get('/'))

    assert.isNull(banner(html))
    assert.notMatch(html, /\/js\/consent\./)
    assert.notInclude(html, '<template')
    // The cookies page stays reachable from the footer, and says so.
    assert.include(html, '<a href="/cookies">Gérer les cookies</a>')
    const page = await client.get('/cookies')
    assert.include(
      page.text(),
      'Cette boutique ne dépose aucun traceur soumis à votre consentement.'
    )
    assert.include(page.text(), 'comptoir-session')
  })
})

test.group('Cookie consent with a plugin that declares a tracker', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(({ context }) => trackerPlugin(context!.cleanup))

  test('R-02: a plugin declaring a tracker brings the banner, its tracker inert until consent', async ({
    client,
    assert,
  }) => {
    const html = await textOf(client.get('/'))

    const shown = banner(html)
    assert.isNotNull(shown)
    assert.notInclude(shown!, 'hidden')
    assert.include(
      html,
      '<template data-consent-purpose="analytics" data-tracker="fixture-tracker/_fixture_stats">'
    )
    assert.include(html, 'fixture-tracker-pixel')
    assert.notInclude(live(html), 'fixture-tracker-pixel')
    assert.match(html, /<script src="\/assets\/js\/consent\.[0-9a-f]{10}\.js" defer><\/script>/)
  })

  test('TC-33: "Tout refuser" sits next to "Tout accepter", the same button', async ({
    client,
    assert,
  }) => {
    const html = await textOf(client.get('/'))

    const form = /<form[^>]*class="cookie-banner__choices"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1]
    assert.exists(form)
    const buttons = [...form!.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)].map((match) => ({
      attributes: match[1].replace(/value="[^"]*"/, ''),
      label: match[2].trim(),
    }))
    assert.deepEqual(
      buttons.map((button) => button.label),
      ['Tout refuser', 'Tout accepter']
    )
    assert.equal(buttons[0].attributes, buttons[1].attributes)
    assert.include(html, '<a href="/cookies">Paramétrer mes choix</a>')
  })

  test('R-02: refusing is kept six months and keeps the tracker off', async ({
    client,
    assert,
  }) => {
    const before = new Date()
    const response = await choose(client, { choice: 'refuse_all', return_to: '/c/sabots' })
    const after = new Date()

    response.assertStatus(302)
    response.assertHeader('location', '/c/sabots')
    const cookie = consentCookie(response.headers()['set-cookie'])
    assert.match(cookie!, /^cookie_consent=analytics-0;/)
    // Readable by consent.js, which switches trackers on in cached pages.
    assert.notMatch(cookie!, /HttpOnly/i)
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie!)![1])
    const shortest = (consentExpiry(before).getTime() - after.getTime()) / 1000
    const longest = (consentExpiry(after).getTime() - before.getTime()) / 1000
    assert.isAtLeast(maxAge, Math.floor(shortest))
    assert.isAtMost(maxAge, Math.ceil(longest))
    assert.isAtLeast(maxAge, 181 * 86_400)
    assert.isAtMost(maxAge, 184 * 86_400)

    const html = await textOf(withConsent(client.get('/'), 'analytics-0'))
    assert.include(banner(html)!, 'hidden')
    assert.notInclude(live(html), 'fixture-tracker-pixel')
  })

  test('R-02: accepting grants the purpose; the banner stays closed', async ({
    client,
    assert,
  }) => {
    const response = await choose(client, { choice: 'accept_all', return_to: '/' })

    assert.match(consentCookie(response.headers()['set-cookie'])!, /^cookie_consent=analytics-1;/)
    const html = await textOf(withConsent(client.get('/'), 'analytics-1'))
    assert.include(banner(html)!, 'hidden')
    // The same page for every visitor: consent.js activates the template.
    assert.include(html, 'data-consent-purpose="analytics"')
  })

  test('R-02: the cookies page chooses purpose by purpose and lists who sets what', async ({
    client,
    assert,
  }) => {
    const page = await textOf(client.get('/cookies'))
    assert.include(page, 'Mesure d’audience')
    assert.include(page, '<th scope="row">_fixture_stats</th>')
    assert.include(page, 'Statistiques de test')
    assert.include(page, '390 jours')
    assert.match(
      page,
      /<input id="purpose-analytics" type="checkbox" name="purposes\[\]" value="analytics"[^>]*>/
    )
    assert.notMatch(page, /name="purposes\[\]" value="analytics"[^>]*checked/)

    const granted = await choose(client, { 'choice': 'save', 'purposes[]': 'analytics' })
    granted.assertHeader('location', '/cookies')
    assert.match(consentCookie(granted.headers()['set-cookie'])!, /^cookie_consent=analytics-1;/)
    const none = await choose(client, { choice: 'save' })
    assert.match(consentCookie(none.headers()['set-cookie'])!, /^cookie_consent=analytics-0;/)

    const again = await textOf(withConsent(client.get('/cookies'), 'analytics-1'))
    assert.match(again, /name="purposes\[\]" value="analytics"[^>]*checked/)
  })

  test('a choice never sends the visitor to another site', async ({ client }) => {
    const response = await choose(client, { choice: 'refuse_all', return_to: '//evil.example/' })

    response.assertHeader('location', '/cookies')
  })
})
