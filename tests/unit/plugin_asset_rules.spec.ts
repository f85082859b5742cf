import { test } from '@japa/runner'
import {
  MAX_LOGO_BYTES,
  assetRequest,
  assetUrl,
  checkSvgLogo,
  isLogoFile,
  logoSizeProblem,
} from '#plugin_kernel/plugin_asset_rules'

const card = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 32"><rect/></svg>'

test.group('Plugin asset paths', () => {
  test('a logo is an SVG named in lower case directly in resources/logos', ({ assert }) => {
    assert.isTrue(isLogoFile('resources/logos/visa.svg'))
    assert.isTrue(isLogoFile('resources/logos/carte_bancaire-2.svg'))
    for (const file of [
      'resources/logos/Visa.svg',
      'resources/logos/visa.png',
      'resources/logos/visa.svg.js',
      'resources/logos/.hidden.svg',
      'resources/logos/brands/visa.svg',
      'resources/logos/../package.svg',
      'resources/logos/..svg',
      'resources/logos/-visa.svg',
      'resources/views/visa.svg',
      '/etc/logos/visa.svg',
      'resources\\logos\\visa.svg',
      'resources/logos/visa%2esvg',
    ]) {
      assert.isFalse(isLogoFile(file), file)
    }
  })

  test('an asset URL names a plugin and a file under its resources', ({ assert }) => {
    assert.deepEqual(assetRequest('/plugins/payment-stripe/assets/logos/visa.svg'), {
      plugin: 'payment-stripe',
      file: 'resources/logos/visa.svg',
    })
    assert.isNull(assetRequest('/plugins/payment-stripe/rates'))
    assert.isNull(assetRequest('/en/plugins/payment-stripe/assets/logos/visa.svg'))
    assert.isNull(assetRequest('/media/products/ab/visa.svg'))
  })

  test('an asset URL walking out of the logos folder names no file', ({ assert }) => {
    for (const path of [
      '/plugins/payment-stripe/assets/logos/../../package.json',
      '/plugins/payment-stripe/assets/../plugin.ts',
      '/plugins/payment-stripe/assets/logos/%2e%2e%2fplugin.ts',
      '/plugins/payment-stripe/assets/logos/..%2f..%2fpackage.json',
      '/plugins/payment-stripe/assets/logos/visa.svg%00.png',
      '/plugins/payment-stripe/assets/views/checkout.edge',
      '/plugins/payment-stripe/assets/',
    ]) {
      assert.deepEqual(assetRequest(path), { plugin: 'payment-stripe', file: null }, path)
    }
  })

  test('a logo address carries its content version', ({ assert }) => {
    assert.equal(
      assetUrl('payment-stripe', 'resources/logos/visa.svg', '0123456789abcdef'),
      '/plugins/payment-stripe/assets/logos/visa.svg?v=0123456789abcdef'
    )
  })
})

test.group('Plugin logo files', () => {
  test('a logo is sized 24 px high from its viewBox', ({ assert }) => {
    assert.deepEqual(checkSvgLogo(card), { ok: true, width: 36, height: 24 })
    assert.deepEqual(
      checkSvgLogo(
        '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg viewBox="0,0,750,471" width="75">'
      ),
      { ok: true, width: 38, height: 24 }
    )
  })

  test('without a viewBox, its width and height give the shape', ({ assert }) => {
    assert.deepEqual(checkSvgLogo('<svg width="60px" height="20" stroke-width="3"></svg>'), {
      ok: true,
      width: 72,
      height: 24,
    })
    assert.deepEqual(checkSvgLogo('<svg stroke-width="3" height="20"></svg>'), {
      ok: false,
      reason: 'has no viewBox to size it by',
    })
  })

  test('what is not a plain SVG picture is refused', ({ assert }) => {
    const refusals: [string, string][] = [
      ['<html><svg viewBox="0 0 48 32"></svg></html>', 'is not an SVG document'],
      ['{"name": "visa"}', 'is not an SVG document'],
      [
        '<svg viewBox="0 0 48 32"><script>alert(1)</script></svg>',
        'holds a script or embedded HTML',
      ],
      ['<svg viewBox="0 0 48 32" onload="alert(1)"></svg>', 'holds a script or embedded HTML'],
      [
        '<svg viewBox="0 0 48 32"><foreignObject><p>hi</p></foreignObject></svg>',
        'holds a script or embedded HTML',
      ],
      ['<svg viewBox="0 0 0 32"></svg>', 'has no viewBox to size it by'],
      [
        '<svg viewBox="0 0 200 32"></svg>',
        'is not between half and four times as wide as it is tall',
      ],
      [
        '<svg viewBox="0 0 10 32"></svg>',
        'is not between half and four times as wide as it is tall',
      ],
    ]
    for (const [source, reason] of refusals) {
      assert.deepEqual(checkSvgLogo(source), { ok: false, reason }, source)
    }
  })

  test('a logo holds at most 32 KB', ({ assert }) => {
    assert.isNull(logoSizeProblem(MAX_LOGO_BYTES))
    assert.equal(logoSizeProblem(MAX_LOGO_BYTES + 1), 'is larger than 32 KB')
  })
})
