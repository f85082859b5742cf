import { test } from '@japa/runner'
import {
  isCompressibleType,
  negotiateEncoding,
  variesOn,
  varyWith,
  weakEtag,
} from '#support/content_encoding'
import { hashedUrl, isPublicPath, mediaTypeOf, parseHashedUrl } from '#support/asset_urls'

test.group('Accept-Encoding negotiation', () => {
  test('no header, an empty one or identity alone: the body as it is', ({ assert }) => {
    assert.isNull(negotiateEncoding(undefined))
    assert.isNull(negotiateEncoding(''))
    assert.isNull(negotiateEncoding('identity'))
    assert.isNull(negotiateEncoding('deflate'))
  })

  test('brotli first among equals, gzip for clients without it', ({ assert }) => {
    assert.equal(negotiateEncoding('gzip, deflate, br, zstd'), 'br')
    assert.equal(negotiateEncoding('br'), 'br')
    assert.equal(negotiateEncoding('gzip, deflate'), 'gzip')
    assert.equal(negotiateEncoding('x-gzip'), 'gzip')
    assert.equal(negotiateEncoding('GZIP'), 'gzip')
    assert.equal(negotiateEncoding(['gzip', 'br']), 'br')
  })

  test('q-values: the highest wins, q=0 refuses, * stands for the rest', ({ assert }) => {
    assert.equal(negotiateEncoding('br;q=0.5, gzip;q=0.8'), 'gzip')
    assert.equal(negotiateEncoding('br;q=1.0, gzip;q=0.999'), 'br')
    assert.equal(negotiateEncoding('br;q=0, gzip'), 'gzip')
    assert.isNull(negotiateEncoding('br;q=0, gzip;q=0'))
    assert.equal(negotiateEncoding('*'), 'br')
    assert.equal(negotiateEncoding('br;q=0, *'), 'gzip')
    assert.isNull(negotiateEncoding('*;q=0, identity'))
    assert.equal(negotiateEncoding('gzip;q=0.2, *;q=0.1'), 'gzip')
    assert.equal(negotiateEncoding(' br ; q=0.7 , gzip ; q=0.6 '), 'br')
  })

  test('an unreadable q-value drops its entry, not the header', ({ assert }) => {
    assert.equal(negotiateEncoding('br;q=2, gzip'), 'gzip')
    assert.equal(negotiateEncoding('br;q=abc, gzip;q=0.1'), 'gzip')
    assert.isNull(negotiateEncoding('br;q=-1'))
  })

  test('only the codings a file has', ({ assert }) => {
    assert.equal(negotiateEncoding('br, gzip', ['gzip']), 'gzip')
    assert.isNull(negotiateEncoding('br', ['gzip']))
    assert.isNull(negotiateEncoding('br, gzip', []))
  })
})

test.group('Compressible bodies and their headers', () => {
  test('text, JSON, XML, JavaScript and SVG compress; images, PDFs and fonts do not', ({
    assert,
  }) => {
    for (const type of [
      'text/html; charset=utf-8',
      'text/css',
      'text/javascript; charset=utf-8',
      'text/plain',
      'text/csv',
      'application/json; charset=utf-8',
      'application/ld+json',
      'application/problem+json',
      'application/xml',
      'application/rss+xml',
      'application/javascript',
      'image/svg+xml',
      'TEXT/HTML',
    ]) {
      assert.isTrue(isCompressibleType(type), type)
    }
    for (const type of [
      'application/pdf',
      'image/png',
      'image/jpeg',
      'image/webp',
      'font/woff2',
      'video/mp4',
      'application/zip',
      'application/octet-stream',
      '',
      null,
      undefined,
    ]) {
      assert.isFalse(isCompressibleType(type), String(type))
    }
  })

  test('Vary keeps the fields it had and names each once', ({ assert }) => {
    assert.equal(varyWith(undefined, 'Accept-Encoding'), 'Accept-Encoding')
    assert.equal(varyWith('Cookie', 'Accept-Encoding'), 'Cookie, Accept-Encoding')
    assert.equal(varyWith('accept-encoding', 'Accept-Encoding'), 'accept-encoding')
    assert.equal(
      varyWith(['Cookie', 'Origin'], 'Accept-Encoding'),
      'Cookie, Origin, Accept-Encoding'
    )
    assert.equal(varyWith('*', 'Accept-Encoding'), '*')
    assert.isTrue(variesOn('Cookie, Accept-Encoding', 'accept-encoding'))
    assert.isTrue(variesOn('*', 'Accept-Encoding'))
    assert.isFalse(variesOn('Cookie', 'Accept-Encoding'))
    assert.isFalse(variesOn(undefined, 'Accept-Encoding'))
  })

  test('a compressed body’s ETag is weak', ({ assert }) => {
    assert.equal(weakEtag('"abc"'), 'W/"abc"')
    assert.equal(weakEtag('W/"abc"'), 'W/"abc"')
  })
})

test.group('Hashed asset addresses', () => {
  test('the hash goes before the extension, the folder stays', ({ assert }) => {
    assert.equal(hashedUrl('css/app.css', '3f2a9c1b0d'), '/assets/css/app.3f2a9c1b0d.css')
    assert.equal(hashedUrl('js/app.min.js', '3f2a9c1b0d'), '/assets/js/app.min.3f2a9c1b0d.js')
    assert.equal(hashedUrl('LICENSE', '3f2a9c1b0d'), '/assets/LICENSE.3f2a9c1b0d')
  })

  test('an address is read back into the file and hash it names', ({ assert }) => {
    for (const path of ['css/app.css', 'js/app.min.js', 'LICENSE', 'img/logo-dark.svg']) {
      assert.deepEqual(parseHashedUrl(hashedUrl(path, '0123456789')), {
        path,
        hash: '0123456789',
      })
    }
    assert.isNull(parseHashedUrl('/css/app.css'))
    assert.isNull(parseHashedUrl('/assets/css/app.css'))
    assert.isNull(parseHashedUrl('/assets/css/app.3F2A9C1B0D.css'))
    assert.isNull(parseHashedUrl('/assets/css/app.3f2a9c1b.css'))
  })

  test('no address leads out of the public folder', ({ assert }) => {
    assert.isTrue(isPublicPath('css/app.css'))
    for (const path of [
      '',
      '../.env',
      'css/../../.env',
      '.env',
      'css/.hidden',
      '/etc/passwd',
      'css//app.css',
      'css\\app.css',
      '%2e%2e/.env',
    ]) {
      assert.isFalse(isPublicPath(path), path)
    }
    assert.isNull(parseHashedUrl('/assets/../.env.0123456789'))
    assert.isNull(parseHashedUrl('/assets/css/%2e%2e/app.0123456789.css'))
  })

  test('each file its media type', ({ assert }) => {
    assert.equal(mediaTypeOf('css/app.css'), 'text/css; charset=utf-8')
    assert.equal(mediaTypeOf('js/consent.js'), 'text/javascript; charset=utf-8')
    assert.equal(mediaTypeOf('img/logo.SVG'), 'image/svg+xml')
    assert.equal(mediaTypeOf('LICENSE'), 'application/octet-stream')
  })
})
