import { test } from '@japa/runner'
import { appUrl } from '#config/app'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import CategoryService from '#services/catalog/category_service'
import SearchSynonym from '#models/search_synonym'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { countQueries } from '#tests/helpers/query_counter'

type Catalog = Awaited<ReturnType<typeof createCatalogFixture>>

/**
 * Three products: two clogs (one black and red, one red only, in wood) and a
 * leather mule, which is a shoe but not a clog.
 */
async function shelf(catalog: Catalog) {
  const materials = (code: string) => [
    { attributeId: catalog.material.id, optionIds: [catalog.options.get(`material:${code}`)!.id] },
  ]
  await catalog.createProduct(
    { fr: 'Sabot Étienne', en: 'Étienne clog' },
    [
      {
        sku: 'ETI-BLACK-38',
        priceAmount: 8900,
        options: [catalog.option('colour', 'black'), catalog.option('size', '38')],
      },
      {
        sku: 'ETI-RED-39',
        priceAmount: 9400,
        options: [catalog.option('colour', 'red'), catalog.option('size', '39')],
      },
    ],
    { attributeValues: materials('leather') }
  )
  await catalog.createProduct(
    { fr: 'Sabots Louise en bois', en: 'Louise wooden clogs' },
    [
      {
        sku: 'LOU-RED-38',
        priceAmount: 6900,
        options: [catalog.option('colour', 'red'), catalog.option('size', '38')],
      },
    ],
    { attributeValues: materials('wood') }
  )
  await catalog.createProduct(
    { fr: 'Mule Rose', en: 'Rose mule' },
    [
      {
        sku: 'MULE-BLACK-39',
        priceAmount: 7900,
        options: [catalog.option('colour', 'black'), catalog.option('size', '39')],
      },
    ],
    { attributeValues: materials('leather'), categoryIds: [catalog.shoes.id] }
  )
}

function productNames(html: string) {
  return [...html.matchAll(/class="card__title">([^<]+)</g)].map((match) => match[1])
}

test.group('Storefront catalog', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a category page lists its subtree with facet counts', async ({ client, assert }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)

    const response = await client.get('/c/chaussures')
    response.assertStatus(200)
    assert.sameMembers(productNames(response.text()), [
      'Sabot Étienne',
      'Sabots Louise en bois',
      'Mule Rose',
    ])
    assert.match(response.text(), /value="red"\s*>\s*Rouge <span class="facet__count">\(2\)/)
    assert.match(response.text(), /value="leather"\s*>\s*Cuir <span class="facet__count">\(2\)/)
  })

  test('two facets combine, and each facet counts what its options would add', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)

    const response = await client.get('/c/chaussures').qs({ colour: 'red', material: 'wood' })
    assert.deepEqual(productNames(response.text()), ['Sabots Louise en bois'])
    assert.include(response.text(), '1 produit')
    // Colour counts apply the material filter only: one red and no black wooden product.
    assert.match(
      response.text(),
      /value="red" checked\s*>\s*Rouge <span class="facet__count">\(1\)/
    )
    assert.notMatch(response.text(), /value="black"/)
    // Material counts apply the colour filter only: one red leather and one red wooden product.
    assert.match(response.text(), /value="leather"\s*>\s*Cuir <span class="facet__count">\(1\)/)
  })

  test('sorts by price and filters by price range in euros', async ({ client, assert }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)

    const sorted = await client.get('/c/chaussures').qs({ sort: 'price_asc' })
    assert.deepEqual(productNames(sorted.text()), [
      'Sabots Louise en bois',
      'Mule Rose',
      'Sabot Étienne',
    ])

    const ranged = await client.get('/c/chaussures').qs({ price_min: '70', price_max: '80,50' })
    assert.deepEqual(productNames(ranged.text()), ['Mule Rose'])
  })

  test('search ignores accents, case and plurals, and ranks names first', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)

    const accents = await client.get('/search').qs({ q: 'ETIENNE' })
    assert.deepEqual(productNames(accents.text()), ['Sabot Étienne'])

    const plural = await client.get('/search').qs({ q: 'sabots' })
    assert.sameMembers(productNames(plural.text()), ['Sabot Étienne', 'Sabots Louise en bois'])

    const bySku = await client.get('/search').qs({ q: 'mule-black-39' })
    assert.deepEqual(productNames(bySku.text()), ['Mule Rose'])

    const byOption = await client.get('/en/search').qs({ q: 'red leather' })
    assert.deepEqual(productNames(byOption.text()), ['Étienne clog'])
  })

  test('synonyms from the back office widen a search', async ({ client, assert }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)
    await SearchSynonym.create({ locale: 'fr', terms: 'sabot, galoche' })

    const response = await client.get('/search').qs({ q: 'galoches' })
    assert.sameMembers(productNames(response.text()), ['Sabot Étienne', 'Sabots Louise en bois'])
  })

  test('a search that finds nothing suggests a close word', async ({ client, assert }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)

    const response = await client.get('/search').qs({ q: 'sabto' })
    assert.include(response.text(), 'Aucun produit ne correspond')
    assert.include(response.text(), '<a href="/search?q=sabot">sabot</a>')
  })

  test('a product page shows the chosen variant, its price and stock, without JavaScript', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)

    const response = await client.get('/p/sabot-etienne').qs({ colour: 'red', size: '39' })
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'ETI-RED-39')
    assert.include(html, '94,00\u00a0€')
    assert.include(html, 'En stock')
    assert.include(html, `<link rel="canonical" href="${appUrl}/p/sabot-etienne">`)
    assert.match(html, /hreflang="en" href="[^"]+\/en\/p\/etienne-clog"/)
    assert.include(html, '"@type":"Product"')
    assert.include(html, '"price":"94.00"')
  })

  test('pages issue the same number of queries however many products they show', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const variant = (sku: string, colour: string, size: string) => ({
      sku,
      options: [catalog.option('colour', colour), catalog.option('size', size)],
    })
    await catalog.createProduct({ fr: 'Sabot Un', en: 'Clog One' }, [
      variant('ONE-1', 'black', '38'),
    ])
    await catalog.createProduct({ fr: 'Sabot Deux', en: 'Clog Two' }, [
      variant('TWO-1', 'red', '39'),
    ])
    // Plugin state, maintenance state and hot-fix guards are cached per
    // process for a few seconds each, expiring at their own times: of three
    // requests in a row at least one reloads none, so the smallest count is
    // the page's own.
    const pageQueries = async (url: string) => {
      const counts = []
      for (let request = 0; request < 3; request++) {
        counts.push(await countQueries(() => client.get(url)))
      }
      return Math.min(...counts)
    }
    const few = await pageQueries('/c/chaussures')
    const fewVariants = await pageQueries('/p/sabot-un')

    for (let index = 0; index < 6; index++) {
      await catalog.createProduct({ fr: `Sabot ${index}`, en: `Clog ${index}` }, [
        variant(`MANY-${index}-1`, 'black', '38'),
        variant(`MANY-${index}-2`, 'red', '39'),
        variant(`MANY-${index}-3`, 'red', '38'),
      ])
    }
    const many = await pageQueries('/c/chaussures')
    const manyVariants = await pageQueries('/p/sabot-0')

    assert.isAbove(few, 0)
    assert.equal(many, few)
    assert.equal(manyVariants, fewVariants)
  })

  test('the product page lists what this visitor viewed before, from a cookie of their own', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)

    const first = await client.get('/p/mule-rose')
    const viewed = first.cookie('recently_viewed')
    assert.match(String(viewed?.value), /^\d+$/)
    assert.isTrue(viewed?.httpOnly)
    assert.notInclude(first.text(), 'Vus récemment')

    const second = await client
      .get('/p/sabot-etienne')
      .plainCookie('recently_viewed', viewed!.value)
    assert.include(second.text(), 'Vus récemment')
    assert.match(second.text(), /Vus récemment[\s\S]*Mule Rose/)

    const stranger = await client.get('/p/sabot-etienne')
    assert.notInclude(stranger.text(), 'Vus récemment')
  })

  test('a category or product not yet translated stays out of that language', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    await shelf(catalog)
    const categories = await app.container.make(CategoryService)
    await categories.create(
      { parentId: catalog.shoes.id, translations: [{ locale: 'fr', name: 'Bottes' }] },
      { admin: null, source: 'seed' }
    )
    await catalog.createProduct({ fr: 'Botte Firmin', en: '' }, [{ sku: 'FIR-1' }], {
      translations: [{ locale: 'fr', name: 'Botte Firmin' }],
    })

    const english = await client.get('/en/c/shoes')
    english.assertStatus(200)
    assert.notInclude(english.text(), 'Bottes')
    assert.notInclude(english.text(), 'Botte Firmin')
    assert.include(english.text(), '3 products')

    const french = await client.get('/c/chaussures')
    assert.include(french.text(), 'Bottes')
    assert.include(french.text(), 'Botte Firmin')
  })
})
