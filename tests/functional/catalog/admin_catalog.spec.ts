import sharp from 'sharp'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import ProductImage from '#models/product_image'
import ProductImageService from '#services/catalog/product_image_service'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#8a3b12' } })
    .png()
    .toBuffer()

test.group('Back-office catalog', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the product grid searches by name or SKU and filters by status', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await catalog.createProduct({ fr: 'Sabot Hugo', en: 'Hugo clog' }, [{ sku: 'HUGO-38' }])
    await catalog.createProduct({ fr: 'Mule Manon', en: 'Manon mule' }, [{ sku: 'MANON-39' }], {
      enabled: false,
    })
    const manager = await AdminUserFactory.apply('manager').create()

    const bySku = await client.get('/admin/catalog').qs({ q: 'manon-3' }).loginAs(manager)
    bySku.assertStatus(200)
    assert.include(bySku.text(), 'Mule Manon')
    assert.notInclude(bySku.text(), 'Sabot Hugo')

    const enabled = await client.get('/admin/catalog').qs({ status: 'enabled' }).loginAs(manager)
    assert.include(enabled.text(), 'Sabot Hugo')
    assert.notInclude(enabled.text(), 'Mule Manon')
  })

  test('support staff cannot open the catalog', async ({ client }) => {
    const support = await AdminUserFactory.apply('support').create()
    const response = await client.get('/admin/catalog').loginAs(support)
    response.assertStatus(403)
  })

  test('an upload that is not an image is refused with a clear message', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Sabot Léon', en: 'Léon clog' }, [
      { sku: 'LEON-1' },
    ])
    const owner = await AdminUserFactory.create()
    const upload = (bytes: Buffer) =>
      client
        .post(`/admin/catalog/products/${product.id}/images`)
        .file('image', bytes, { filename: 'photo.jpg' })
        .field('alt_fr', 'Sabot Léon vu de profil')
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)

    // A PDF named .jpg: its real type is detected from its first bytes.
    const pdf = await upload(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj'))
    pdf.assertFlashMessage('inputErrorsBag', {
      image: ["Ce type de fichier n'est pas accepté : envoyez une image JPEG, PNG, WebP ou AVIF."],
    })

    // A file that starts like a JPEG but is not one passes the type check, not the decoding.
    const garbage = await upload(
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a picture')])
    )
    garbage.assertFlashMessage('inputErrorsBag', {
      image: ["Ce fichier n'est pas une image lisible. Envoyez une photo JPEG, PNG, WebP ou AVIF."],
    })
    assert.equal(await countRows('product_images'), 0)
  })

  test('an image without alt text is refused', async ({ client, assert }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Sabot Léon', en: 'Léon clog' }, [
      { sku: 'LEON-1' },
    ])
    const owner = await AdminUserFactory.create()

    const response = await client
      .post(`/admin/catalog/products/${product.id}/images`)
      .file('image', await png(800, 600), { filename: 'leon.png' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      alt_fr: ['Le champ texte alternatif est obligatoire.'],
    })
    assert.equal(await countRows('product_images'), 0)
  })
})

/**
 * Storing an image queues its renditions through the queue's own connection,
 * which a test transaction would block: this group truncates instead.
 */
test.group('Back-office catalog: images', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('an image is stored once, rendered in three formats and served with immutable caching', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Sabot Léon', en: 'Léon clog' }, [
      { sku: 'LEON-1' },
    ])
    const owner = await AdminUserFactory.create()

    const response = await client
      .post(`/admin/catalog/products/${product.id}/images`)
      .file('image', await png(1200, 900), { filename: 'leon.png' })
      .field('alt_fr', 'Sabot Léon vu de profil')
      .field('alt_en', 'Léon clog, side view')
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)

    const image = await ProductImage.findByOrFail('product_id', product.id)
    assert.deepEqual([image.width, image.height, image.mimeType], [1200, 900, 'image/png'])
    assert.isNull(image.derivatives)
    assert.equal(await countRows('queue_jobs'), 1)
    assert.equal(await countRows('audit_logs', { action: 'product.image_add' }), 1)

    // Before its renditions exist, the storefront shows the original.
    const before = await client.get('/p/sabot-leon')
    assert.include(before.text(), `src="/media/${image.originalKey}"`)

    const images = await app.container.make(ProductImageService)
    await images.generateDerivatives(image.contentHash)
    await image.refresh()
    assert.sameMembers(
      image.derivatives!.map((derivative) => `${derivative.format}@${derivative.width}`),
      [
        'avif@320',
        'webp@320',
        'jpeg@320',
        'avif@640',
        'webp@640',
        'jpeg@640',
        'avif@1024',
        'webp@1024',
        'jpeg@1024',
      ]
    )

    const page = await client.get('/p/sabot-leon')
    assert.match(
      page.text(),
      /<source type="image\/avif" srcset="\/media\/products\/[0-9a-f]{2}\/[0-9a-f]{64}-320\.avif 320w/
    )
    assert.include(page.text(), 'alt="Sabot Léon vu de profil"')
    assert.include(page.text(), 'width="1200" height="900"')

    const avif = image.derivatives!.find((derivative) => derivative.format === 'avif')!
    const media = await client.get(`/media/${avif.key}`)
    media.assertStatus(200)
    media.assertHeader('content-type', 'image/avif')
    media.assertHeader('cache-control', 'public, max-age=31536000, immutable')
    const metadata = await sharp(Buffer.from(media.body() ?? media.text(), 'binary'))
      .metadata()
      .catch(() => null)
    assert.isNotNull(metadata)

    const unknown = await client.get('/media/products/../../.env')
    unknown.assertStatus(404)
  }).timeout(20_000)

  test('images are ordered and tied to a variant, whose page shows them first', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Sabot Léon', en: 'Léon clog' }, [
      { sku: 'LEON-BLACK', options: [catalog.option('colour', 'black')] },
      { sku: 'LEON-RED', options: [catalog.option('colour', 'red')] },
    ])
    await product.load('variants')
    const red = product.variants.find((variant) => variant.sku === 'LEON-RED')!
    const images = await app.container.make(ProductImageService)
    const actor = { admin: null, source: 'seed' } as const
    await images.store(
      { productId: product.id, bytes: await png(800, 800), alt: { fr: 'Vue générale' } },
      actor
    )
    const redPhoto = await images.store(
      { productId: product.id, bytes: await png(801, 800), alt: { fr: 'Le sabot rouge' } },
      actor
    )
    assert.equal(redPhoto.status, 'stored')
    const owner = await AdminUserFactory.create()

    const response = await client
      .put(
        `/admin/catalog/products/${product.id}/images/${redPhoto.status === 'stored' ? redPhoto.image.id : 0}`
      )
      .form({ position: '1', variant_id: String(red.id) })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)

    const redPage = await client.get('/p/sabot-leon').qs({ colour: 'red' })
    assert.match(redPage.text(), /alt="Le sabot rouge"[\s\S]*alt="Vue générale"/)
    const blackPage = await client.get('/p/sabot-leon').qs({ colour: 'black' })
    assert.notInclude(blackPage.text(), 'Le sabot rouge')
    assert.include(blackPage.text(), 'alt="Vue générale"')
    assert.equal(await countRows('audit_logs', { action: 'product.image_arrange' }), 1)
  })
})
