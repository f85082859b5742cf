import { test } from '@japa/runner'
import type { Address, CartSnapshot } from '@comptoir/contracts/commerce'
import { DEMO_RATES } from '#src/demo_rates'
import { type TableRate, matchRate, normalizePostcode, quoteTableRate } from '#src/table_rates'

let nextId = 1

function rate(values: Partial<TableRate> & Pick<TableRate, 'price'>): TableRate {
  return {
    id: nextId++,
    countryCode: 'FR',
    postcodePrefix: null,
    minWeightGrams: 0,
    maxWeightGrams: null,
    minItems: 0,
    maxItems: null,
    minSubtotal: 0,
    maxSubtotal: null,
    currency: 'EUR',
    delayMinDays: 2,
    delayMaxDays: 3,
    label: null,
    ...values,
  }
}

/** A cart of `lines` [unit weight in grams, quantity, unit price in cents]. */
function cart(lines: [number, number, number][], currency = 'EUR'): CartSnapshot {
  const subtotal = lines.reduce((sum, [, quantity, price]) => sum + quantity * price, 0)
  return {
    currency,
    locale: 'fr',
    subtotal: { amount: subtotal, currency },
    lines: lines.map(([unitWeightGrams, quantity, price], index) => ({
      variantId: index + 1,
      productId: index + 1,
      sku: `SKU-${index + 1}`,
      name: `Article ${index + 1}`,
      quantity,
      unitPrice: { amount: price, currency },
      unitWeightGrams,
    })),
  }
}

function to(countryCode: string, postalCode = ''): Address {
  return { countryCode, postalCode, city: 'Ville', lines: ['1 rue de la Paix'] }
}

const noThreshold = { freeShippingThreshold: null }

test.group('Table rates: weight bands', () => {
  const rates = [
    rate({ maxWeightGrams: 250, price: 490 }),
    rate({ minWeightGrams: 250, maxWeightGrams: 500, price: 690 }),
    rate({ minWeightGrams: 500, price: 990 }),
  ]

  test('the minimum is included and the maximum excluded', ({ assert }) => {
    const priceFor = (grams: number) => matchRate(rates, cart([[grams, 1, 1000]]), to('FR'))?.price
    assert.equal(priceFor(0), 490)
    assert.equal(priceFor(249), 490)
    assert.equal(priceFor(250), 690)
    assert.equal(priceFor(499), 690)
    assert.equal(priceFor(500), 990)
  })

  test('an open maximum has no upper bound', ({ assert }) => {
    assert.equal(matchRate(rates, cart([[1_000_000, 3, 1000]]), to('FR'))?.price, 990)
  })

  test('the weight is the sum of every unit of every line', ({ assert }) => {
    // 2 × 100 g + 1 × 50 g = 250 g: the second band.
    assert.equal(
      matchRate(
        rates,
        cart([
          [100, 2, 1000],
          [50, 1, 500],
        ]),
        to('FR')
      )?.price,
      690
    )
  })

  test('no band that holds the weight: no rate', ({ assert }) => {
    const bounded = [rate({ minWeightGrams: 100, maxWeightGrams: 30_000, price: 490 })]
    assert.isNull(matchRate(bounded, cart([[99, 1, 1000]]), to('FR')))
    assert.isNull(matchRate(bounded, cart([[30_000, 1, 1000]]), to('FR')))
    assert.isNull(quoteTableRate(bounded, cart([[30_000, 1, 1000]]), to('FR'), noThreshold))
  })
})

test.group('Table rates: destinations', () => {
  const metropolitan = rate({ price: 490, delayMinDays: 2, delayMaxDays: 3 })
  const corsica = rate({ postcodePrefix: '20', price: 890, delayMinDays: 3, delayMaxDays: 5 })
  const upperCorsica = rate({ postcodePrefix: '202', price: 990 })
  const anywhere = rate({ countryCode: '*', price: 2490 })
  const rates = [anywhere, upperCorsica, corsica, metropolitan]
  const oneItem = cart([[300, 1, 2500]])

  test('a postcode prefix wins over its country, the longest prefix first', ({ assert }) => {
    assert.equal(matchRate(rates, oneItem, to('FR', '75011')), metropolitan)
    assert.equal(matchRate(rates, oneItem, to('FR', '20000')), corsica)
    assert.equal(matchRate(rates, oneItem, to('FR', '20200')), upperCorsica)
  })

  test('a country wins over "*", which serves every other country', ({ assert }) => {
    assert.equal(matchRate(rates, oneItem, to('FR', '')), metropolitan)
    assert.equal(matchRate(rates, oneItem, to('JP', '100-0001')), anywhere)
  })

  test('a postcode that merely contains the prefix does not match it', ({ assert }) => {
    assert.equal(matchRate(rates, oneItem, to('FR', '92200')), metropolitan)
  })

  test('the more specific row wins even when dearer, with its own delay', ({ assert }) => {
    const quote = quoteTableRate(rates, oneItem, to('FR', '20000'), noThreshold)
    assert.deepEqual(quote, { price: { amount: 890, currency: 'EUR' }, delayDays: [3, 5] })
  })

  test('a specific row that does not match the cart leaves the broader ones', ({ assert }) => {
    const light = rate({ postcodePrefix: '20', maxWeightGrams: 250, price: 590 })
    assert.equal(matchRate([light, metropolitan], oneItem, to('FR', '20000')), metropolitan)
  })

  test('postcodes and country codes are compared without case or spaces', ({ assert }) => {
    const london = rate({ countryCode: 'GB', postcodePrefix: 'SW1', price: 1500 })
    assert.equal(matchRate([london], oneItem, to('gb', 'sw1a 1aa')), london)
    assert.equal(normalizePostcode(' sw1a 1aa '), 'SW1A1AA')
  })

  test('no row for the country: no rate', ({ assert }) => {
    assert.isNull(matchRate([metropolitan, corsica], oneItem, to('BE', '1000')))
  })
})

test.group('Table rates: item count and subtotal', () => {
  test('item count bands count units, minimum included and maximum excluded', ({ assert }) => {
    const rates = [
      rate({ minItems: 1, maxItems: 3, price: 490 }),
      rate({ minItems: 3, price: 790 }),
    ]
    const priceFor = (quantity: number) =>
      matchRate(rates, cart([[0, quantity, 500]]), to('FR'))?.price ?? null
    assert.isNull(priceFor(0))
    assert.equal(priceFor(1), 490)
    assert.equal(priceFor(2), 490)
    assert.equal(priceFor(3), 790)
    assert.equal(
      matchRate(
        rates,
        cart([
          [0, 2, 500],
          [0, 1, 500],
        ]),
        to('FR')
      )?.price,
      790
    )
  })

  test('subtotal bands in cents, minimum included and maximum excluded', ({ assert }) => {
    const rates = [
      rate({ maxSubtotal: 3000, price: 690 }),
      rate({ minSubtotal: 3000, maxSubtotal: 6000, price: 390 }),
    ]
    const priceFor = (cents: number) =>
      matchRate(rates, cart([[100, 1, cents]]), to('FR'))?.price ?? null
    assert.equal(priceFor(2999), 690)
    assert.equal(priceFor(3000), 390)
    assert.equal(priceFor(5999), 390)
    assert.isNull(priceFor(6000))
  })

  test('equally specific rows: the cheapest wins, then the quickest', ({ assert }) => {
    const standard = rate({ price: 690, delayMaxDays: 4 })
    const freeFrom60 = rate({ minSubtotal: 6000, price: 0 })
    const express = rate({ price: 690, delayMaxDays: 1 })
    assert.equal(
      matchRate([standard, freeFrom60, express], cart([[500, 1, 5000]]), to('FR')),
      express
    )
    assert.equal(
      matchRate([standard, freeFrom60, express], cart([[500, 1, 6000]]), to('FR')),
      freeFrom60
    )
  })

  test('equal rows: the first created wins, whatever the order they come in', ({ assert }) => {
    const first = rate({ price: 490 })
    const second = rate({ price: 490 })
    assert.equal(matchRate([second, first], cart([[1, 1, 100]]), to('FR')), first)
    assert.equal(matchRate([first, second], cart([[1, 1, 100]]), to('FR')), first)
  })
})

test.group('Table rates: free shipping threshold', () => {
  const rates = [rate({ price: 490, delayMinDays: 2, delayMaxDays: 3 })]

  test('from the threshold on, shipping is free and the delay unchanged', ({ assert }) => {
    const options = { freeShippingThreshold: 6000 }
    assert.deepEqual(quoteTableRate(rates, cart([[200, 1, 5999]]), to('FR'), options), {
      price: { amount: 490, currency: 'EUR' },
      delayDays: [2, 3],
    })
    assert.deepEqual(quoteTableRate(rates, cart([[200, 2, 3000]]), to('FR'), options), {
      price: { amount: 0, currency: 'EUR' },
      delayDays: [2, 3],
    })
  })

  test('the threshold does not open a destination no row serves', ({ assert }) => {
    const options = { freeShippingThreshold: 1000 }
    assert.isNull(quoteTableRate(rates, cart([[200, 1, 50_000]]), to('BE'), options))
  })

  test('without a threshold shipping is never free', ({ assert }) => {
    assert.equal(
      quoteTableRate(rates, cart([[200, 1, 1_000_000]]), to('FR'), noThreshold)?.price.amount,
      490
    )
  })
})

test.group('Table rates: currencies', () => {
  const rates = [rate({ price: 490 }), rate({ price: 900, currency: 'CHF' })]

  test('only rows in the cart currency are compared', ({ assert }) => {
    assert.equal(matchRate(rates, cart([[100, 1, 1000]], 'CHF'), to('FR'))?.price, 900)
    assert.isNull(matchRate(rates, cart([[100, 1, 1000]], 'GBP'), to('FR')))
  })

  test('a cart whose subtotal is in another currency is refused', ({ assert }) => {
    const mixed = { ...cart([[100, 1, 1000]]), subtotal: { amount: 1000, currency: 'CHF' } }
    assert.isNull(quoteTableRate(rates, mixed, to('FR'), { freeShippingThreshold: 0 }))
  })
})

test.group('Table rates: the demo table', () => {
  const rates = DEMO_RATES.map((input, index) => ({ ...input, id: index + 1 }))
  const priceOf = (grams: number, cents: number, destination: Address) =>
    quoteTableRate(rates, cart([[grams, 1, cents]]), destination, noThreshold)?.price.amount ?? null

  test('prices France by weight, Corsica dearer, free from 60 € outside Corsica', ({ assert }) => {
    assert.equal(priceOf(200, 2500, to('FR', '75011')), 490)
    assert.equal(priceOf(1200, 2500, to('FR', '69001')), 990)
    assert.equal(priceOf(200, 2500, to('FR', '20000')), 690)
    assert.equal(priceOf(200, 6000, to('FR', '75011')), 0)
    assert.equal(priceOf(200, 6000, to('FR', '20000')), 690)
    assert.equal(priceOf(400, 2500, to('BE', '1000')), 990)
    assert.equal(priceOf(400, 2500, to('LU', '1111')), 990)
    assert.isNull(priceOf(30_000, 2500, to('FR', '75011')))
    assert.isNull(priceOf(400, 2500, to('DE', '10115')))
  })
})
