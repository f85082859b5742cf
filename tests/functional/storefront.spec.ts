import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { simulateDatabaseOutage } from '#tests/helpers/database'

test.group('Storefront shell', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('home page is French at the root', async ({ client, assert }) => {
    const response = await client.get('/')
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<html lang="fr">')
    assert.include(html, 'role="search"')
    assert.include(html, 'name="q"')
    // The legal links themselves appear once published (tests/functional/legal/legal_pages.spec.ts).
    assert.include(html, 'Informations légales')
    assert.match(html, /hreflang="en" href="http:\/\/[^"]+\/en"/)
  })

  test('home page is English under /en', async ({ client, assert }) => {
    const response = await client.get('/en')
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<html lang="en">')
    assert.include(html, 'Legal information')
    assert.include(html, 'action="/en/search"')
    assert.match(html, /hreflang="fr" href="http:\/\/[^"]+\/"/)
  })

  test('the search page echoes the query, escaped', async ({ client, assert }) => {
    const response = await client.get('/search').qs({ q: '<script>alert(1)</script>' })
    response.assertStatus(200)
    assert.notInclude(response.text(), '<script>alert(1)</script>')
    assert.include(response.text(), '&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  test('every legal page answers, published or not', async ({ client }) => {
    for (const slug of [
      'mentions-legales',
      'cgv',
      'retractation',
      'confidentialite',
      'accessibilite',
    ]) {
      const response = await client.get(`/pages/${slug}`)
      response.assertStatus(200)
    }
  })

  test('an unknown URL gets the translated 404 page', async ({ client, assert }) => {
    const french = await client.get('/no-such-page')
    french.assertStatus(404)
    assert.include(french.text(), 'Page introuvable')

    const english = await client.get('/en/no-such-page')
    english.assertStatus(404)
    assert.include(english.text(), 'Page not found')
  })

  test('pages carry the security headers', async ({ client, assert }) => {
    const response = await client.get('/')
    const csp = response.header('content-security-policy')
    assert.include(csp, "script-src 'self'")
    assert.notInclude(csp, 'unsafe-inline')
    assert.equal(response.header('x-frame-options'), 'DENY')
    assert.equal(response.header('x-content-type-options'), 'nosniff')
  })

  test('a crash shows the translated 500 page without a stack trace', async ({
    client,
    assert,
    cleanup,
  }) => {
    simulateDatabaseOutage(cleanup)
    const response = await client.get('/en')
    response.assertStatus(500)
    assert.include(response.text(), 'Something went wrong')
    assert.notInclude(response.text(), 'ECONNREFUSED')
    assert.notInclude(response.text(), 'node_modules')
  })
})
