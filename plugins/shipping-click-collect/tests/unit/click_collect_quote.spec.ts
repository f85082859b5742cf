import { test } from '@japa/runner'
import type { Address } from '@comptoir/contracts/commerce'
import {
  CLICK_AND_COLLECT_CODE,
  daysUntil,
  originForAddress,
  quoteClickCollect,
} from '#src/click_collect_quote'
import { cartOf, level, paris, pickupStore } from '#tests/helpers/stores'

const lyon = pickupStore(2, 'lyon', '69002')
const annecy = pickupStore(4, 'annecy', '74000', { preparationHours: 48 })
const paris11 = pickupStore(3, 'paris', '75011')
const stores = [paris11, annecy, lyon]
const free = { priceCents: 0, maxStores: 5 }
// Monday 23 November 2026, 10:00 in Paris.
const now = paris('2026-11-23T10:00')

function to(postalCode: string, countryCode = 'FR'): Address {
  return { countryCode, postalCode, city: 'Ville', lines: ['1 rue de la Paix'] }
}

test.group('Click & collect quote', () => {
  test('keeps the code the pay-in-store plugin looks for', ({ assert }) => {
    assert.equal(CLICK_AND_COLLECT_CODE, 'click-collect')
  })

  test('is free by default, due the best store’s ready day, listing every store that can serve', ({
    assert,
  }) => {
    const levels = [level(2, 1, 1), level(4, 1, 3), level(3, 1, 3)]
    const quote = quoteClickCollect(stores, levels, cartOf([[1, 2]]), to('69002'), free, now)

    // Lyon, the nearest, has one of the two: Annecy (ready Wednesday) comes first.
    assert.deepEqual(quote, {
      price: { amount: 0, currency: 'EUR' },
      delayDays: [2, 2],
      pickupPoints: [
        {
          code: 'annecy',
          name: 'Boutique annecy',
          address: annecy.address,
          readyAt: paris('2026-11-25T10:00'),
          stockPlaceId: 4,
          distanceKm: 101,
        },
        {
          code: 'paris',
          name: 'Boutique paris',
          address: paris11.address,
          readyAt: paris('2026-11-23T12:00'),
          stockPlaceId: 3,
          distanceKm: 392,
        },
      ],
    })
  })

  test('is null when no store holds the whole cart', ({ assert }) => {
    const levels = [level(2, 1, 1), level(3, 2, 1)]
    assert.isNull(
      quoteClickCollect(
        stores,
        levels,
        cartOf([
          [1, 1],
          [2, 1],
        ]),
        to('69002'),
        free,
        now
      )
    )
    assert.isNull(quoteClickCollect([], levels, cartOf([[1, 1]]), to('69002'), free, now))
    assert.isNull(quoteClickCollect(stores, levels, cartOf([]), to('69002'), free, now))
  })

  test('charges the price set, in the cart’s currency', ({ assert }) => {
    const quote = quoteClickCollect(
      stores,
      [level(2, 1, 1)],
      cartOf([[1, 1]]),
      to('69002'),
      { priceCents: 250, maxStores: 5 },
      now
    )
    assert.deepEqual(quote?.price, { amount: 250, currency: 'EUR' })
    assert.deepEqual(quote?.delayDays, [0, 0])
  })

  test('lists at most the number of stores set', ({ assert }) => {
    const levels = [level(2, 1, 1), level(4, 1, 1), level(3, 1, 1)]
    const quote = quoteClickCollect(
      stores,
      levels,
      cartOf([[1, 1]]),
      to('75011'),
      { ...free, maxStores: 2 },
      now
    )
    assert.deepEqual(
      quote?.pickupPoints?.map((point) => point.code),
      ['paris', 'lyon']
    )
  })

  test('outside France, postcodes say nothing: the merchant’s order, no distance', ({ assert }) => {
    const levels = [level(2, 1, 1), level(3, 1, 1)]
    // 69115 is Heidelberg in Germany, not the Rhône.
    const quote = quoteClickCollect(stores, levels, cartOf([[1, 1]]), to('69115', 'DE'), free, now)
    assert.deepEqual(
      quote?.pickupPoints?.map((point) => [point.code, 'distanceKm' in point]),
      [
        ['paris', false],
        ['lyon', false],
      ]
    )
    assert.isNull(originForAddress(to('69115', 'DE')))
    assert.equal(originForAddress(to('98000', 'mc'))?.postcode, '98000')
  })

  test('counts calendar days to the ready day, in Paris', ({ assert }) => {
    assert.equal(daysUntil(now, paris('2026-11-23T18:00')), 0)
    assert.equal(daysUntil(paris('2026-11-23T23:30'), paris('2026-11-24T00:30')), 1)
    assert.equal(daysUntil(now, paris('2026-11-28T10:00')), 5)
    // Across the change to winter time (25 October), a day is still a day.
    assert.equal(daysUntil(paris('2026-10-24T12:00'), paris('2026-10-26T09:00')), 2)
  })
})
