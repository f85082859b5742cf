import { test } from '@japa/runner'
import { appUrl } from '#config/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { createCatalogFixture } from '#tests/helpers/catalog'

test.group('Sitemap and robots.txt', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the sitemap lists products and categories in every locale with alternates', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await catalog.createProduct({ fr: 'Sabot Adèle', en: 'Adèle clog' }, [{ sku: 'ADE-1' }])
    await catalog.createProduct({ fr: 'Sabot caché', en: 'Hidden clog' }, [{ sku: 'HID-1' }], {
      visible: false,
    })

    const response = await client.get('/sitemap.xml')
    response.assertStatus(200)
    response.assertHeader('content-type', 'application/xml; charset=utf-8')
    const xml = response.text()
    assert.include(xml, `<loc>${appUrl}/p/sabot-adele</loc>`)
    assert.include(xml, `<loc>${appUrl}/en/p/adele-clog</loc>`)
    assert.include(
      xml,
      `<xhtml:link rel="alternate" hreflang="en" href="${appUrl}/en/p/adele-clog"/>`
    )
    assert.include(xml, `<loc>${appUrl}/c/sabots</loc>`)
    assert.include(xml, `<loc>${appUrl}/en</loc>`)
    assert.notInclude(xml, 'hidden-clog')
  })

  test('robots.txt keeps crawlers out of the back office and points at the sitemap', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/robots.txt')
    response.assertStatus(200)
    assert.include(response.text(), 'Disallow: /admin')
    assert.include(response.text(), `Sitemap: ${appUrl}/sitemap.xml`)
  })
})
