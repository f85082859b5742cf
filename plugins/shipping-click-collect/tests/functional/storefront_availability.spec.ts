import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { formatReadyAt } from '#src/display'
import { DEMO_STORES } from '#src/demo_stores'
import { readyAt } from '#src/opening_hours'
import StoreDirectory from '#src/store_directory'
import {
  PLUGIN,
  insertLevels,
  insertLocations,
  insertProduct,
  installedPlugin,
} from '#tests/helpers/sandbox'

const AVAILABILITY = `/plugins/${PLUGIN}/availability`

/** Text without tags and with spaces collapsed, to read a page as a shopper does. */
function textOf(html: string) {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
}

/**
 * The demo stores (Lyon, Annecy, Besançon) entered, a store not entered yet
 * (Dijon), and a clog held in Lyon (2, threshold 2: only a few left) and
 * Annecy (8), none in Besançon. The catalog is written outside any
 * transaction: every table is emptied afterwards.
 */
async function shop(cleanup: (handler: () => Promise<void>) => void, settings = {}) {
  cleanup(await testUtils.db().truncate())
  const places = await insertLocations([
    { code: 'warehouse', name: 'Atelier de Morez', type: 'warehouse' },
    { code: 'lyon', name: 'Boutique de Lyon' },
    { code: 'annecy', name: "Boutique d'Annecy" },
    { code: 'besancon', name: 'Boutique de Besançon' },
    { code: 'dijon', name: 'Boutique de Dijon' },
  ])
  const plugin = await installedPlugin(cleanup, settings)
  const stores = new StoreDirectory()
  for (const code of ['lyon', 'annecy', 'besancon'] as const) {
    await stores.save(places[code], DEMO_STORES[code])
  }
  const clog = await insertProduct(
    { fr: 'Sabot Gaston', en: 'Gaston clog', slug: 'sabot-gaston' },
    'GAS-38'
  )
  const wax = await insertProduct(
    { fr: 'Cire Lafont', en: 'Lafont wax', slug: 'cire-lafont' },
    'CIRE-1'
  )
  await insertLevels([
    [clog, places.warehouse, 20],
    [clog, places.lyon, 2, 2],
    [clog, places.annecy, 8, 2],
    [clog, places.besancon, 0],
    [clog, places.dijon, 5],
    [wax, places.warehouse, 20],
  ])
  return { ...plugin, places, clog, wax }
}

test.group('Click & collect on the storefront', () => {
  test('the product page says in how many stores the variant is, with a postcode form', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { clog } = await shop(cleanup)

    const french = await client.get('/p/sabot-gaston')
    french.assertStatus(200)
    const html = french.text()
    // Lyon and Annecy; Besançon has none, and Dijon is not set up for pickup.
    assert.include(html, '<p class="click-collect__count">Disponible dans 2 magasins</p>')
    assert.include(html, `action="${AVAILABILITY}"`)
    assert.include(html, `<input type="hidden" name="variant" value="${clog}">`)
    assert.include(html, '<label for="click-collect-postcode">Votre code postal</label>')
    assert.match(
      html,
      /<input id="click-collect-postcode" name="postcode"[^>]*autocomplete="postal-code"/
    )

    const english = await client.get('/en/p/sabot-gaston-en')
    english.assertStatus(200)
    assert.include(english.text(), 'Available in 2 stores')
    assert.include(english.text(), `action="/en${AVAILABILITY}"`)
    assert.include(english.text(), '<label for="click-collect-postcode">Your postcode</label>')

    const wax = await client.get('/p/cire-lafont')
    assert.include(wax.text(), 'Indisponible en magasin pour le moment')
  })

  test('lists the stores nearest the postcode, with each one’s stock and ready date', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { clog } = await shop(cleanup)

    const before = new Date()
    const response = await client.get(AVAILABILITY).qs({ variant: clog, postcode: '74000' })
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<h1>Disponibilité en magasin</h1>')
    assert.include(html, '<main id="main"')
    assert.match(html, /<input[^>]*id="postcode"[^>]*value="74000"/)

    const page = textOf(html)
    assert.include(page, 'Magasins les plus proches de 74000')
    const order = ['Boutique d', 'Boutique de Lyon', 'Boutique de Besançon'].map((name) =>
      page.indexOf(name, page.indexOf('Magasins les plus proches'))
    )
    assert.isTrue(order[0] < order[1] && order[1] < order[2], page)
    assert.notInclude(page, 'Dijon')
    assert.include(
      page,
      "Boutique d'Annecy 7 rue Sainte-Claire Vieille ville 74000 Annecy À environ 1 km En stock"
    )
    assert.include(
      page,
      'Boutique de Lyon 12 rue Mercière 69002 Lyon À environ 102 km Plus que quelques exemplaires'
    )
    assert.include(
      page,
      'Boutique de Besançon 48 Grande Rue 25000 Besançon À environ 149 km Épuisé dans ce magasin'
    )

    // When the Annecy store would have one ready (the minute may turn while the page renders).
    const { openingHours: hours, preparationHours } = DEMO_STORES.annecy
    const expected = [before, new Date()].map((now) =>
      formatReadyAt(readyAt({ hours, preparationHours }, now)!, 'fr')
    )
    assert.isTrue(
      expected.some((date) => page.includes(`Prêt à retirer dès le ${date}`)),
      `${expected.join(' or ')} not in ${page}`
    )
    assert.include(html, `href="/plugins/${PLUGIN}/stores/annecy"`)

    const english = await client.get(`/en${AVAILABILITY}`).qs({ variant: clog, postcode: '69002' })
    english.assertStatus(200)
    const englishPage = textOf(english.text())
    assert.include(englishPage, 'Stores nearest 69002')
    assert.include(
      englishPage,
      'Boutique de Lyon 12 rue Mercière 69002 Lyon About 1 km away Only a few left'
    )
    assert.include(englishPage, 'Ready for pickup from')
  })

  test('explains a postcode it cannot read, and lists the stores in the merchant’s order', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { clog } = await shop(cleanup)

    const response = await client.get(AVAILABILITY).qs({ variant: clog, postcode: '7400' })
    response.assertStatus(200)
    const html = response.text()
    assert.match(html, /<input[^>]*aria-invalid="true"[^>]*aria-describedby="postcode-error"/)
    assert.include(
      html,
      '<p class="field__error" id="postcode-error">Ce code postal n’est pas reconnu : saisissez les cinq chiffres d’un code postal français.</p>'
    )
    const page = textOf(html)
    assert.include(page, 'Nos magasins')
    assert.isBelow(page.indexOf('Boutique de Lyon'), page.indexOf("Boutique d'Annecy"))
    assert.notInclude(page, 'À environ')

    // What the shopper typed comes back as text, never as markup.
    const typed = await client.get(AVAILABILITY).qs({ variant: clog, postcode: '"><b>69' })
    assert.notInclude(typed.text(), '<b>69')
    assert.include(typed.text(), 'value="&quot;&gt;&lt;b&gt;69"')
  })

  test('lists at most the number of stores set', async ({ assert, client, cleanup }) => {
    const { clog } = await shop(cleanup, { maxStores: '2' })

    const response = await client.get(AVAILABILITY).qs({ variant: clog, postcode: '25000' })
    const page = textOf(response.text())
    assert.include(page, 'Boutique de Besançon')
    assert.include(page, "Boutique d'Annecy")
    assert.notInclude(page, 'Boutique de Lyon')
  })

  test('a store’s page shows its hours and its next pickup slots', async ({
    assert,
    client,
    cleanup,
  }) => {
    await shop(cleanup)

    const response = await client.get(`/plugins/${PLUGIN}/stores/lyon`)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<h1>Boutique de Lyon</h1>')
    assert.match(html, /<th scope="row">lundi<\/th>\s*<td>14:00–19:00<\/td>/)
    assert.match(html, /<th scope="row">dimanche<\/th>\s*<td>Fermé<\/td>/)
    assert.include(html, 'Comptez 2 heures de préparation après la commande.')
    assert.include(html, '<h2 id="store-slots">Créneaux de retrait disponibles</h2>')
    // Open six days a week: slots on the coming days, half an hour each.
    assert.match(html, /<time datetime="[^"]+">1[0-8]:[03]0<\/time>–1[0-9]:[03]0/)

    const english = await client.get(`/en/plugins/${PLUGIN}/stores/lyon`)
    assert.match(english.text(), /<th scope="row">Monday<\/th>\s*<td>14:00–19:00<\/td>/)

    const dijon = await client.get(`/plugins/${PLUGIN}/stores/dijon`)
    dijon.assertStatus(404)
  })

  test('answers 404 for an unknown variant, and while the plugin is disabled', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { clog, runAce } = await shop(cleanup)

    const unknown = await client.get(AVAILABILITY).qs({ variant: 999_999, postcode: '69002' })
    unknown.assertStatus(404)
    const missing = await client.get(AVAILABILITY)
    missing.assertStatus(404)

    const disable = await runAce('plugin:disable', [PLUGIN])
    assert.equal(disable.exitCode, 0, disable.output)
    const disabled = await client.get(AVAILABILITY).qs({ variant: clog, postcode: '69002' })
    disabled.assertStatus(404)
    const store = await client.get(`/plugins/${PLUGIN}/stores/lyon`)
    store.assertStatus(404)
    const product = await client.get('/p/sabot-gaston')
    product.assertStatus(200)
    assert.notInclude(product.text(), 'click-collect')
  })
})
