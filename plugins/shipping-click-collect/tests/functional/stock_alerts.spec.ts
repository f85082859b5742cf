import { test } from '@japa/runner'
import emitter from '@adonisjs/core/services/emitter'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { DEMO_STORES } from '#src/demo_stores'
import StoreDirectory from '#src/store_directory'
import {
  ALERTS_TABLE,
  PLUGIN,
  insertLevels,
  insertLocations,
  insertProduct,
  installedPlugin,
} from '#tests/helpers/sandbox'

const AVAILABILITY = `/plugins/${PLUGIN}/availability`
const STOCK_ALERTS = `/plugins/${PLUGIN}/stock-alerts`

/**
 * Lyon holds the clog, Besançon has none left, Dijon is a location not set up
 * for click & collect. Written outside any transaction: every table is
 * emptied afterwards.
 */
async function shop(cleanup: (handler: () => Promise<void>) => void) {
  cleanup(await testUtils.db().truncate())
  const places = await insertLocations([
    { code: 'warehouse', name: 'Atelier de Morez', type: 'warehouse' },
    { code: 'lyon', name: 'Boutique de Lyon' },
    { code: 'besancon', name: 'Boutique de Besançon' },
    { code: 'dijon', name: 'Boutique de Dijon' },
  ])
  await installedPlugin(cleanup)
  const stores = new StoreDirectory()
  for (const code of ['lyon', 'besancon'] as const) {
    await stores.save(places[code], DEMO_STORES[code])
  }
  const clog = await insertProduct(
    { fr: 'Sabot Gaston', en: 'Gaston clog', slug: 'sabot-gaston' },
    'GAS-38'
  )
  await insertLevels([
    [clog, places.warehouse, 20],
    [clog, places.lyon, 4],
    [clog, places.besancon, 0],
    [clog, places.dijon, 0],
  ])
  return { places, clog, page: `${AVAILABILITY}?variant=${clog}` }
}

const alerts = () => db.from(ALERTS_TABLE).orderBy('id')

test.group('Click & collect: back-in-stock requests', () => {
  test('an out-of-stock store offers the form, a store in stock does not', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { clog, places } = await shop(cleanup)

    const response = await client.get(AVAILABILITY).qs({ variant: clog })
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, `<input type="hidden" name="store" value="${places.besancon}">`)
    assert.notInclude(html, `name="store" value="${places.lyon}"`)
    assert.include(html, `<label for="stock-alert-${places.besancon}">Votre adresse e-mail</label>`)
    assert.include(
      html,
      'Prévenez-moi<span class="visually-hidden"> : Boutique de Besançon</span></button>'
    )
    assert.include(html, "<input type='hidden' name='_csrf'")
  })

  test('a request is saved once, normalised, with a flash message', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { clog, places, page } = await shop(cleanup)

    for (const email of ['Claire@Example.com ', 'claire@example.com']) {
      const response = await client
        .post(STOCK_ALERTS)
        .header('referer', page)
        .form({ variant: String(clog), store: String(places.besancon), email })
        .withCsrfToken()
      response.assertStatus(200)
      assert.include(
        response.text(),
        'Nous vous écrirons dès que l’article sera disponible à Boutique de Besançon.'
      )
    }

    const rows = await alerts()
    assert.lengthOf(rows, 1)
    assert.include(rows[0], {
      variant_id: clog,
      stock_location_id: places.besancon,
      email: 'claire@example.com',
      locale: 'fr',
      notified_at: null,
    })
  })

  test('an invalid address is refused with a translated error next to its store', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { clog, places, page } = await shop(cleanup)

    const response = await client
      .post(STOCK_ALERTS)
      .header('referer', page)
      .form({ variant: String(clog), store: String(places.besancon), email: 'claire@' })
      .withCsrfToken()

    response.assertStatus(200)
    assert.include(
      response.text(),
      `<p class="field__error" id="stock-alert-${places.besancon}-error">Saisissez une adresse e-mail valide, par exemple claire@exemple.fr.</p>`
    )
    assert.lengthOf(await alerts(), 0)
  })

  test('only stores of click & collect and variants that exist', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { clog, places, page } = await shop(cleanup)

    for (const [variant, store] of [
      [clog, places.dijon],
      [clog + 1000, places.besancon],
    ]) {
      const response = await client
        .post(STOCK_ALERTS)
        .header('referer', page)
        .form({ variant: String(variant), store: String(store), email: 'claire@example.com' })
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(404)
    }
    assert.lengthOf(await alerts(), 0)
  })

  test('a restock mails each pending request once and records it', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { clog, places, page } = await shop(cleanup)
    for (const [prefix, email] of [
      ['', 'claire@example.com'],
      ['/en', 'tom@example.com'],
    ]) {
      const response = await client
        .post(`${prefix}${STOCK_ALERTS}`)
        .header('referer', `${prefix}${page}`)
        .form({ variant: String(clog), store: String(places.besancon), email })
        .withCsrfToken()
      response.assertStatus(200)
    }
    const { messages } = mail.fake()
    cleanup(() => mail.restore())

    // A sale elsewhere and a change that is not a restock send nothing.
    await emitter.emit('stock:changed', {
      variantId: clog,
      placeId: places.lyon,
      quantityBefore: 0,
      quantityAfter: 3,
    })
    await emitter.emit('stock:changed', {
      variantId: clog,
      placeId: places.besancon,
      quantityBefore: 0,
      quantityAfter: 0,
    })
    assert.lengthOf(messages.sent(), 0)

    await db
      .from('stock_levels')
      .where({ variant_id: clog, stock_location_id: places.besancon })
      .update({ quantity: 3 })
    await emitter.emit('stock:changed', {
      variantId: clog,
      placeId: places.besancon,
      quantityBefore: 0,
      quantityAfter: 3,
    })

    const sent = messages.sent()
    assert.lengthOf(sent, 2)
    sent[0].assertTo('claire@example.com')
    sent[0].assertSubject('De retour à Boutique de Besançon')
    sent[0].assertTextIncludes('L’article que vous attendiez est de nouveau disponible')
    sent[0].assertTextIncludes(`${AVAILABILITY}?variant=${clog}`)
    sent[1].assertTo('tom@example.com')
    sent[1].assertSubject('Back at Boutique de Besançon')
    sent[1].assertTextIncludes(`/en${AVAILABILITY}?variant=${clog}`)
    const rows = await alerts()
    assert.isTrue(rows.every((row) => row.notified_at !== null))

    // Still in stock, then a second restock: nothing more.
    await emitter.emit('stock:changed', {
      variantId: clog,
      placeId: places.besancon,
      quantityBefore: 3,
      quantityAfter: 5,
    })
    await emitter.emit('stock:changed', {
      variantId: clog,
      placeId: places.besancon,
      quantityBefore: 0,
      quantityAfter: 2,
    })
    assert.lengthOf(messages.sent(), 2)

    // Asking again once notified waits for the next restock, still in one row.
    const again = await client
      .post(STOCK_ALERTS)
      .header('referer', page)
      .form({ variant: String(clog), store: String(places.besancon), email: 'claire@example.com' })
      .withCsrfToken()
    again.assertStatus(200)
    await emitter.emit('stock:changed', {
      variantId: clog,
      placeId: places.besancon,
      quantityBefore: 0,
      quantityAfter: 1,
    })
    assert.lengthOf(messages.sent(), 3)
    messages.sent()[2].assertTo('claire@example.com')
    assert.lengthOf(await alerts(), 2)
  })
})
