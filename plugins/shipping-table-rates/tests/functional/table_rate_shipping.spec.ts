import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Address, CartSnapshot } from '@comptoir/contracts/commerce'
import { DEMO_RATES } from '#src/demo_rates'
import { deliveryWindow, formatDeliveryWindow } from '#src/delivery_dates'
import RateService from '#src/rate_service'
import { PLUGIN, TABLE, installedPlugin, kit } from '#tests/helpers/host'

/** One line of `grams` per unit, `quantity` units at `unitPrice` cents. */
function cart(grams: number, unitPrice: number, quantity = 1): CartSnapshot {
  return {
    currency: 'EUR',
    locale: 'fr',
    subtotal: { amount: unitPrice * quantity, currency: 'EUR' },
    lines: [
      {
        variantId: 1,
        productId: 1,
        sku: 'SAB-1',
        name: 'Sabot',
        quantity,
        unitPrice: { amount: unitPrice, currency: 'EUR' },
        unitWeightGrams: grams,
      },
    ],
  }
}

function to(countryCode: string, postalCode: string): Address {
  return { countryCode, postalCode, city: 'Ville', lines: ['1 place de la Mairie'] }
}

const settings = { defaultCountry: 'FR', freeShippingFrom: '80', labelFr: 'Colissimo à domicile' }

test.group('Table rate shipping, installed from its folder', () => {
  test('quotes carts from its table through the kernel, with its settings', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await installedPlugin(cleanup, settings)
    await new RateService().replaceAll(DEMO_RATES)
    const quote = async (shipped: CartSnapshot, destination: Address) => {
      const answers = await kernel.registry.collect('shipping', 'quote', (method) =>
        method.quote(shipped, destination)
      )
      assert.deepEqual(
        answers.map((answer) => [answer.plugin, answer.provider.code]),
        [[PLUGIN, 'table-rates']]
      )
      return answers[0]
    }

    const paris = await quote(cart(200, 2500), to('FR', '75011'))
    assert.deepEqual(paris.result, { price: { amount: 490, currency: 'EUR' }, delayDays: [2, 3] })
    assert.equal(paris.provider.label('fr'), 'Colissimo à domicile')
    assert.equal(paris.provider.label('en'), 'Home delivery')

    const ajaccio = await quote(cart(1200, 2500), to('FR', '20000'))
    assert.deepEqual(ajaccio.result, {
      price: { amount: 1290, currency: 'EUR' },
      delayDays: [3, 5],
    })

    // The demo's own row makes France free from 60 €; the 80 € setting covers the rest.
    const lyonFrom60 = await quote(cart(600, 3000, 2), to('FR', '69001'))
    assert.equal(lyonFrom60.result?.price.amount, 0)
    const ajaccioFrom60 = await quote(cart(600, 3000, 2), to('FR', '20000'))
    assert.equal(ajaccioFrom60.result?.price.amount, 1290)
    const ajaccioFrom80 = await quote(cart(600, 4000, 2), to('FR', '20000'))
    assert.deepEqual(ajaccioFrom80.result, {
      price: { amount: 0, currency: 'EUR' },
      delayDays: [3, 5],
    })

    const berlin = await quote(cart(200, 2500), to('DE', '10115'))
    assert.isNull(berlin.result)
  })

  test('reads its table in one query per quote', async ({ assert, cleanup }) => {
    const { kernel } = await installedPlugin(cleanup, settings)
    await new RateService().replaceAll(DEMO_RATES)
    const [{ provider }] = await kernel.registry.collect('shipping', 'quote', async () => null)

    const queries = await kit.countQueries(() => provider.quote(cart(200, 2500), to('FR', '20000')))

    assert.equal(queries, 1)
  })

  test('refuses invalid settings, naming the fields', async ({ assert, cleanup }) => {
    const { kernel, cliActor } = await installedPlugin(cleanup, settings)

    const result = await kernel.lifecycle.saveSettings(
      PLUGIN,
      { defaultCountry: 'XX', freeShippingFrom: '60,999', defaultPostcode: '75011-75020' },
      'fr',
      cliActor()
    )

    assert.isFalse(result.valid)
    if (result.valid) return
    assert.sameMembers(Object.keys(result.errors), [
      'defaultCountry',
      'freeShippingFrom',
      'defaultPostcode',
    ])
    assert.match(result.errors.defaultCountry[0], /Pays de l’estimation/)
  })

  test('seeds the demo table once, and never over existing rates', async ({ assert, cleanup }) => {
    const { kernel } = await installedPlugin(cleanup, settings)
    const rates = new RateService()
    assert.isTrue(await rates.isEmpty())

    await kernel.lifecycle.seedDemo(PLUGIN)
    await kernel.lifecycle.seedDemo(PLUGIN)
    assert.lengthOf(await rates.list(), DEMO_RATES.length)

    await rates.replaceAll(DEMO_RATES.slice(0, 2))
    await kernel.lifecycle.seedDemo(PLUGIN)
    assert.lengthOf(await rates.list(), 2)
  })

  test('uninstalling drops its table', async ({ assert, cleanup }) => {
    const { runAce } = await installedPlugin(cleanup, settings)
    assert.isTrue(await db.connection().schema.hasTable(TABLE))

    const uninstall = await runAce('plugin:uninstall', [PLUGIN, '--force'])

    assert.equal(uninstall.exitCode, 0, uninstall.output)
    assert.isFalse(await db.connection().schema.hasTable(TABLE))
  })
})

test.group('Table rate shipping on the product page', () => {
  test('shows the delivery cost and dates for the default destination', async ({
    assert,
    client,
    cleanup,
  }) => {
    // The catalog is written outside any transaction (plugin DDL commits on
    // MariaDB): empty every table afterwards.
    cleanup(await testUtils.db().truncate())
    await installedPlugin(cleanup, { defaultCountry: 'FR', defaultPostcode: '75011' })
    const rates = new RateService()
    await rates.replaceAll(DEMO_RATES.filter((rate) => rate.countryCode === 'FR'))
    const catalog = await kit.createCatalogFixture()
    await catalog.createProduct({ fr: 'Sabot Gaston', en: 'Gaston clog' }, [
      { sku: 'GAS-1', priceAmount: 4500 },
    ])
    await catalog.createProduct(
      { fr: 'Établi Marcel', en: 'Marcel workbench' },
      [{ sku: 'MAR-1', priceAmount: 45_000 }],
      { weightGrams: 45_000 }
    )

    // 900 g (the fixture's weight) to Paris: the 500 g – 1 kg row, 2 to 3 working days.
    const expected = formatDeliveryWindow(deliveryWindow(new Date(), [2, 3]), 'fr')
    const french = await client.get('/p/sabot-gaston')
    french.assertStatus(200)
    assert.match(french.text(), /Livraison 8,50\s€/u)
    assert.include(
      french.text(),
      expected.kind === 'range'
        ? `livré entre le ${expected.from} et le ${expected.to}`
        : `livré le ${expected.day}`
    )
    assert.include(french.text(), 'Estimation pour une livraison vers : France')

    const english = await client.get('/en/p/gaston-clog')
    english.assertStatus(200)
    assert.match(english.text(), /Delivery €8\.50/)
    assert.include(english.text(), 'delivered ')

    // 45 kg: no rate serves it, so nothing is promised.
    const workbench = await client.get('/p/etabli-marcel')
    workbench.assertStatus(200)
    assert.notInclude(workbench.text(), 'product__shipping')
  })
})
