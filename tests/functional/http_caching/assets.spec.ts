import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { decoded, rawRequest } from '#tests/helpers/raw_http'

const IMMUTABLE = 'public, max-age=31536000, immutable'

async function publicFile(path: string) {
  const bytes = await readFile(app.publicPath(path))
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 10) }
}

test.group('HTTP caching: hashed static assets', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the storefront links its stylesheet at the address of its content', async ({
    client,
    assert,
  }) => {
    const { hash } = await publicFile('css/app.css')
    const page = await client.get('/')
    page.assertStatus(200)
    assert.include(page.text(), `<link rel="stylesheet" href="/assets/css/app.${hash}.css">`)
    assert.notInclude(page.text(), 'href="/css/app.css"')
  })

  test('a hashed address is kept for a year, with its type and ETag', async ({ assert }) => {
    const { bytes, hash } = await publicFile('css/app.css')
    const plain = await rawRequest(`/assets/css/app.${hash}.css`)

    assert.equal(plain.status, 200)
    assert.equal(plain.headers['cache-control'], IMMUTABLE)
    assert.equal(plain.headers['content-type'], 'text/css; charset=utf-8')
    assert.equal(plain.headers['etag'], `"${hash}"`)
    assert.include(plain.headers['vary']!, 'Accept-Encoding')
    assert.isUndefined(plain.headers['content-encoding'])
    assert.isUndefined(plain.headers['set-cookie'])
    assert.equal(Number(plain.headers['content-length']), bytes.length)
    assert.isTrue(plain.body.equals(bytes))
  })

  test('brotli and gzip forms, chosen by Accept-Encoding, decode to the file', async ({
    assert,
  }) => {
    const { bytes, hash } = await publicFile('css/app.css')
    const url = `/assets/css/app.${hash}.css`

    const br = await rawRequest(url, { 'accept-encoding': 'gzip, deflate, br' })
    assert.equal(br.headers['content-encoding'], 'br')
    assert.equal(br.headers['etag'], `"${hash}-br"`)
    assert.equal(br.headers['cache-control'], IMMUTABLE)
    assert.isBelow(br.body.length, bytes.length / 2)
    assert.equal(Number(br.headers['content-length']), br.body.length)
    assert.isTrue(decoded(br).equals(bytes))

    const gzip = await rawRequest(url, { 'accept-encoding': 'gzip' })
    assert.equal(gzip.headers['content-encoding'], 'gzip')
    assert.equal(gzip.headers['etag'], `"${hash}-gzip"`)
    assert.isTrue(decoded(gzip).equals(bytes))

    // A client refusing brotli gets gzip, whatever it lists first.
    const noBrotli = await rawRequest(url, { 'accept-encoding': 'br;q=0, gzip' })
    assert.equal(noBrotli.headers['content-encoding'], 'gzip')

    const javascript = await publicFile('js/consent.js')
    const script = await rawRequest(`/assets/js/consent.${javascript.hash}.js`, {
      'accept-encoding': 'br',
    })
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8')
    assert.equal(script.headers['content-encoding'], 'br')
    assert.isTrue(decoded(script).equals(javascript.bytes))
  })

  test('a copy the browser holds is confirmed with a 304, in each coding', async ({ assert }) => {
    const { hash } = await publicFile('css/app.css')
    const url = `/assets/css/app.${hash}.css`

    for (const coding of ['br', 'gzip', 'identity']) {
      const first = await rawRequest(url, { 'accept-encoding': coding })
      const again = await rawRequest(url, {
        'accept-encoding': coding,
        'if-none-match': first.headers['etag']!,
      })
      assert.equal(again.status, 304, coding)
      assert.equal(again.body.length, 0, coding)
      assert.equal(again.headers['etag'], first.headers['etag'], coding)
      assert.isUndefined(again.headers['content-encoding'], coding)
    }

    const changed = await rawRequest(url, { 'if-none-match': '"0000000000"' })
    assert.equal(changed.status, 200)
  })

  test('HEAD answers the headers alone', async ({ assert }) => {
    const { hash } = await publicFile('css/app.css')
    const head = await rawRequest(
      `/assets/css/app.${hash}.css`,
      { 'accept-encoding': 'br' },
      'HEAD'
    )
    assert.equal(head.status, 200)
    assert.equal(head.headers['cache-control'], IMMUTABLE)
    assert.equal(head.headers['content-encoding'], 'br')
    assert.equal(head.body.length, 0)
  })

  test('an outdated hash is sent on to the current file, an unknown file is a 404', async ({
    assert,
  }) => {
    const { hash } = await publicFile('css/app.css')

    // A page cached before a deploy still gets a stylesheet, and no cache keeps the detour.
    const outdated = await rawRequest('/assets/css/app.0123456789.css')
    assert.equal(outdated.status, 302)
    assert.equal(outdated.headers['location'], `/assets/css/app.${hash}.css`)
    assert.equal(outdated.headers['cache-control'], 'no-cache')

    const unknown = await rawRequest('/assets/css/nothing.0123456789.css')
    assert.equal(unknown.status, 404)
    assert.equal(unknown.headers['cache-control'], 'no-cache')

    const outside = await rawRequest('/assets/%2e%2e/.env.0123456789')
    assert.equal(outside.status, 404)
    assert.notInclude(outside.body.toString(), 'APP_KEY')
  })

  test('the plain address still serves the file, revalidated after a few minutes', async ({
    assert,
  }) => {
    const { bytes, hash } = await publicFile('css/app.css')
    const { mtime } = await stat(app.publicPath('css/app.css'))
    const modified = mtime.toUTCString()

    const plain = await rawRequest('/css/app.css', { 'accept-encoding': 'br' })
    assert.equal(plain.status, 200)
    assert.equal(plain.headers['cache-control'], 'public, max-age=300')
    assert.equal(plain.headers['last-modified'], modified)
    assert.equal(plain.headers['etag'], `"${hash}-br"`)
    assert.isTrue(decoded(plain).equals(bytes))

    const byDate = await rawRequest('/css/app.css', { 'if-modified-since': modified })
    assert.equal(byDate.status, 304)
    const byTag = await rawRequest('/css/app.css', {
      'accept-encoding': 'br',
      'if-none-match': plain.headers['etag']!,
    })
    assert.equal(byTag.status, 304)
  })
})
