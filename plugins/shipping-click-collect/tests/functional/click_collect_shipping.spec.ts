import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Address, CartSnapshot } from '@comptoir/contracts/commerce'
import { daysUntil } from '#src/click_collect_quote'
import { DEMO_STORES } from '#src/demo_stores'
import type { OpeningHours } from '#src/opening_hours'
import StoreDetails from '#src/store_details'
import StoreDirectory, { type StoreInput } from '#src/store_directory'
import {
  PLUGIN,
  TABLE,
  insertLevels,
  insertLocations,
  insertProduct,
  installedPlugin,
} from '#tests/helpers/sandbox'

const HOUR_MS = 3_600_000
/** Open around the clock, so ready dates are now plus the delay whenever the test runs. */
const ALWAYS_OPEN: OpeningHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '24:00']]])
)

function details(postcode: string, city: string, preparationHours: number): StoreInput {
  return {
    addressLine1: '1 place du Marché',
    addressLine2: null,
    postcode,
    city,
    latitude: null,
    longitude: null,
    openingHours: ALWAYS_OPEN,
    preparationHours,
    slotMinutes: 30,
    slotCapacity: 4,
  }
}

function to(postalCode: string, countryCode = 'FR'): Address {
  return { countryCode, postalCode, city: 'Ville', lines: ['1 rue de la République'] }
}

function cartOf(lines: [variantId: number, quantity: number][]): CartSnapshot {
  return {
    currency: 'EUR',
    locale: 'fr',
    subtotal: { amount: 9000, currency: 'EUR' },
    lines: lines.map(([variantId, quantity]) => ({
      variantId,
      productId: 1,
      sku: `SKU-${variantId}`,
      name: 'Sabot',
      quantity,
      unitPrice: { amount: 4500, currency: 'EUR' },
      unitWeightGrams: 900,
    })),
  }
}

/**
 * A warehouse, three click & collect stores and a store that does not take
 * part, with two variants. The catalog is written outside any transaction
 * (plugin DDL commits on MariaDB): every table is emptied afterwards.
 */
async function shop(cleanup: (handler: () => Promise<void>) => void) {
  cleanup(await testUtils.db().truncate())
  const places = await insertLocations([
    { code: 'warehouse', name: 'Atelier de Morez', type: 'warehouse' },
    { code: 'paris', name: 'Boutique de Paris' },
    { code: 'lyon', name: 'Boutique de Lyon' },
    { code: 'annecy', name: "Boutique d'Annecy" },
    { code: 'outlet', name: 'Magasin d’usine', clickAndCollect: false },
  ])
  const clog = await insertProduct(
    { fr: 'Sabot Gaston', en: 'Gaston clog', slug: 'sabot-gaston' },
    'GAS-38'
  )
  const wax = await insertProduct(
    { fr: 'Cire Lafont', en: 'Lafont wax', slug: 'cire-lafont' },
    'CIRE-1'
  )
  await insertLevels([
    [clog, places.warehouse, 100],
    [wax, places.warehouse, 100],
    [clog, places.lyon, 1],
    [wax, places.lyon, 5],
    [clog, places.annecy, 3],
    [wax, places.annecy, 1],
    [clog, places.paris, 2],
    [wax, places.paris, 2],
    [clog, places.outlet, 10],
    [wax, places.outlet, 10],
  ])
  return { places, clog, wax }
}

test.group('Click & collect, installed from its folder', () => {
  test('proposes the stores holding the whole cart, nearest first, free by default', async ({
    assert,
    cleanup,
  }) => {
    const { places, clog, wax } = await shop(cleanup)
    const { kernel } = await installedPlugin(cleanup)
    const stores = new StoreDirectory()
    await stores.save(places.paris, details('75011', 'Paris', 2))
    await stores.save(places.lyon, details('69002', 'Lyon', 2))
    await stores.save(places.annecy, details('74000', 'Annecy', 48))

    const before = Date.now()
    const answers = await kernel.registry.collect('shipping', 'quote', (method) =>
      method.quote(
        cartOf([
          [clog, 2],
          [wax, 1],
        ]),
        to('69002')
      )
    )
    assert.deepEqual(
      answers.map((answer) => [answer.plugin, answer.provider.code]),
      [[PLUGIN, 'click-collect']]
    )
    const [{ provider, result: quote }] = answers
    assert.equal(provider.label('fr'), 'Retrait en magasin')
    assert.equal(provider.label('en'), 'Click & collect')

    // Lyon, the nearest, has one clog of the two: Annecy first, then Paris; never the outlet.
    assert.deepEqual(
      quote?.pickupPoints?.map((point) => [point.code, point.name, point.distanceKm]),
      [
        ['annecy', "Boutique d'Annecy", 101],
        ['paris', 'Boutique de Paris', 392],
      ]
    )
    assert.deepEqual(quote?.price, { amount: 0, currency: 'EUR' })
    const [annecy, paris] = quote!.pickupPoints!
    assert.deepEqual(annecy.address, {
      countryCode: 'FR',
      postalCode: '74000',
      city: 'Annecy',
      lines: ['1 place du Marché'],
    })
    assert.isAtLeast(annecy.readyAt!.getTime(), before + 48 * HOUR_MS)
    assert.isAtMost(annecy.readyAt!.getTime(), Date.now() + 48 * HOUR_MS)
    assert.isAtMost(paris.readyAt!.getTime(), Date.now() + 2 * HOUR_MS)
    const days = daysUntil(new Date(before), annecy.readyAt!)
    assert.deepEqual(quote?.delayDays, [days, days])

    // One of each: Lyon holds both and leads.
    const small = await provider.quote(
      cartOf([
        [clog, 1],
        [wax, 1],
      ]),
      to('69002')
    )
    assert.deepEqual(
      small?.pickupPoints?.map((point) => point.code),
      ['lyon', 'annecy', 'paris']
    )
    // Four clogs: no store holds them alone (the outlet does not take part).
    assert.isNull(await provider.quote(cartOf([[clog, 4]]), to('69002')))
  })

  test('reads the stores, their details and the cart’s stock in three queries', async ({
    assert,
    cleanup,
  }) => {
    const { places, clog, wax } = await shop(cleanup)
    const { method } = await installedPlugin(cleanup)
    await new StoreDirectory().save(places.lyon, details('69002', 'Lyon', 2))
    const provider = await method()
    const { countQueries } = await app.container.make('comptoir.plugin_test_kit')

    const queries = await countQueries(() =>
      provider.quote(
        cartOf([
          [clog, 1],
          [wax, 1],
          [clog, 1],
        ]),
        to('69002')
      )
    )

    assert.equal(queries, 3)
  })

  test('a store is proposed only once its details are entered', async ({ assert, cleanup }) => {
    const { places, clog } = await shop(cleanup)
    const { method } = await installedPlugin(cleanup)
    const provider = await method()
    assert.isNull(await provider.quote(cartOf([[clog, 1]]), to('75011')))

    await new StoreDirectory().save(places.lyon, details('69002', 'Lyon', 2))
    const quote = await provider.quote(cartOf([[clog, 1]]), to('75011'))
    assert.deepEqual(
      quote?.pickupPoints?.map((point) => point.code),
      ['lyon']
    )
  })

  test('charges the price set, lists at most the stores set, with its own name', async ({
    assert,
    cleanup,
  }) => {
    const { places, wax } = await shop(cleanup)
    const { method } = await installedPlugin(cleanup, {
      priceCents: '250',
      maxStores: '1',
      labelFr: 'Retrait gratuit en boutique',
      labelEn: '',
    })
    const stores = new StoreDirectory()
    await stores.save(places.paris, details('75011', 'Paris', 2))
    await stores.save(places.lyon, details('69002', 'Lyon', 2))
    const provider = await method()

    const quote = await provider.quote(cartOf([[wax, 1]]), to('75015'))
    assert.deepEqual(quote?.price, { amount: 250, currency: 'EUR' })
    assert.deepEqual(
      quote?.pickupPoints?.map((point) => point.code),
      ['paris']
    )
    assert.equal(provider.label('fr'), 'Retrait gratuit en boutique')
    assert.equal(provider.label('en'), 'Click & collect')
  })

  test('refuses invalid settings, naming the fields', async ({ assert, cleanup }) => {
    const { kernel, cliActor } = await installedPlugin(cleanup)

    const result = await kernel.lifecycle.saveSettings(
      PLUGIN,
      { priceCents: '2,50', maxStores: '0' },
      'fr',
      cliActor()
    )

    assert.isFalse(result.valid)
    if (result.valid) return
    assert.sameMembers(Object.keys(result.errors), ['priceCents', 'maxStores'])
    assert.match(result.errors.maxStores[0], /Nombre de magasins proposés/)
  })

  test('offers nothing once disabled; uninstalling drops its table', async ({
    assert,
    cleanup,
  }) => {
    const { runAce, kernel } = await installedPlugin(cleanup)
    assert.isTrue(await db.connection().schema.hasTable(TABLE))

    const disable = await runAce('plugin:disable', [PLUGIN])
    assert.equal(disable.exitCode, 0, disable.output)
    assert.deepEqual(await kernel.registry.providers('shipping'), [])

    const uninstall = await runAce('plugin:uninstall', [PLUGIN, '--force'])
    assert.equal(uninstall.exitCode, 0, uninstall.output)
    assert.isFalse(await db.connection().schema.hasTable(TABLE))
  })
})

test.group('Click & collect demo data', () => {
  test('fills the demo stores once, leaving what the merchant entered', async ({
    assert,
    cleanup,
  }) => {
    cleanup(await testUtils.db().truncate())
    const places = await insertLocations([
      { code: 'warehouse', name: 'Atelier de Morez', type: 'warehouse' },
      { code: 'lyon', name: 'Boutique de Lyon' },
      { code: 'annecy', name: "Boutique d'Annecy" },
      { code: 'besancon', name: 'Boutique de Besançon' },
      { code: 'dijon', name: 'Boutique de Dijon' },
    ])
    const { kernel } = await installedPlugin(cleanup)
    await new StoreDirectory().save(places.annecy, details('74000', 'Annecy', 1))

    // As `npm run demo` runs it, twice.
    await kernel.lifecycle.seedDemo(PLUGIN)
    await kernel.lifecycle.seedDemo(PLUGIN)

    const rows = await StoreDetails.query().orderBy('stock_location_id')
    assert.deepEqual(
      rows.map((row) => [row.stockLocationId, row.city, row.preparationHours]),
      [
        [places.lyon, 'Lyon', DEMO_STORES.lyon.preparationHours],
        [places.annecy, 'Annecy', 1],
        [places.besancon, 'Besançon', DEMO_STORES.besancon.preparationHours],
      ]
    )
    assert.deepEqual(rows[0].openingHours, DEMO_STORES.lyon.openingHours)
  })
})
