import { test } from '@japa/runner'
import {
  cartNeeds,
  missingAt,
  originOf,
  pickupForCart,
  stockStatus,
  storesHolding,
  variantAvailability,
} from '#src/store_selection'
import { level, paris, pickupStore } from '#tests/helpers/stores'

const lyon = pickupStore(2, 'lyon', '69002')
const annecy = pickupStore(4, 'annecy', '74000', { preparationHours: 3 })
const paris11 = pickupStore(3, 'paris', '75011')
const stores = [paris11, annecy, lyon]
const fromLyon = originOf('69002')
// Monday 23 November 2026, 10:00 in Paris.
const now = paris('2026-11-23T10:00')

test.group('Click & collect: what a cart needs', () => {
  test('lines of the same variant add up; empty lines need nothing', ({ assert }) => {
    const needs = cartNeeds([
      { variantId: 1, quantity: 2 },
      { variantId: 2, quantity: 1 },
      { variantId: 1, quantity: 1 },
      { variantId: 3, quantity: 0 },
    ])
    assert.deepEqual(
      [...needs],
      [
        [1, 3],
        [2, 1],
      ]
    )
  })

  test('a store lacks what it holds less of than needed, or not at all', ({ assert }) => {
    const needs = new Map([
      [1, 3],
      [2, 1],
      [3, 1],
    ])
    const levels = [level(2, 1, 2), level(2, 2, 1), level(4, 3, 5)]
    assert.deepEqual(missingAt(2, needs, levels), [
      { variantId: 1, needed: 3, available: 2 },
      { variantId: 3, needed: 1, available: 0 },
    ])
    assert.deepEqual(missingAt(2, new Map([[2, 1]]), levels), [])
  })

  test('the safety threshold holds nothing back', ({ assert }) => {
    // 3 on hand with a threshold of 5: "only a few left", but all 3 can be collected.
    assert.deepEqual(missingAt(2, new Map([[1, 3]]), [level(2, 1, 3, 5)]), [])
    assert.equal(stockStatus(3, 5), 'low_stock')
  })
})

test.group('Click & collect: stores proposed for a cart', () => {
  test('the nearest store holding everything comes first, with its ready date', ({ assert }) => {
    const levels = [level(2, 1, 5), level(2, 2, 1), level(3, 1, 5), level(3, 2, 5)]
    const { proposals, shortfalls } = pickupForCart(
      stores,
      levels,
      [
        { variantId: 1, quantity: 2 },
        { variantId: 2, quantity: 1 },
      ],
      fromLyon,
      now
    )
    assert.deepEqual(
      proposals.map((proposal) => [proposal.store.code, proposal.distanceKm, proposal.readyAt]),
      [
        ['lyon', 0, paris('2026-11-23T12:00')],
        ['paris', 392, paris('2026-11-23T12:00')],
      ]
    )
    assert.deepEqual(
      shortfalls.map((shortfall) => [shortfall.store.code, shortfall.missing]),
      [
        [
          'annecy',
          [
            { variantId: 1, needed: 2, available: 0 },
            { variantId: 2, needed: 1, available: 0 },
          ],
        ],
      ]
    )
  })

  test('when the nearest store lacks an item, the next nearest holding it all leads', ({
    assert,
  }) => {
    // Lyon has only one of the two units; Annecy has both; Paris has some of each but not enough.
    const levels = [level(2, 1, 1), level(4, 1, 2), level(3, 1, 1)]
    const { proposals, shortfalls } = pickupForCart(
      stores,
      levels,
      [{ variantId: 1, quantity: 2 }],
      fromLyon,
      now
    )
    assert.deepEqual(
      proposals.map((proposal) => [proposal.store.code, proposal.readyAt]),
      [['annecy', paris('2026-11-23T13:00')]]
    )
    assert.deepEqual(
      shortfalls.map((shortfall) => shortfall.store.code),
      ['lyon', 'paris']
    )
  })

  test('no store holds the whole cart: nothing proposed, even if together they would', ({
    assert,
  }) => {
    const levels = [level(2, 1, 5), level(4, 2, 5)]
    const { proposals } = pickupForCart(
      stores,
      levels,
      [
        { variantId: 1, quantity: 1 },
        { variantId: 2, quantity: 1 },
      ],
      fromLyon,
      now
    )
    assert.deepEqual(proposals, [])
  })

  test('an empty cart is collected nowhere', ({ assert }) => {
    assert.deepEqual(pickupForCart(stores, [level(2, 1, 5)], [], fromLyon, now), {
      proposals: [],
      shortfalls: [],
    })
  })

  test('a store that never opens is not proposed', ({ assert }) => {
    const closed = pickupStore(9, 'closed', '69001', { hours: {} })
    const { proposals, shortfalls } = pickupForCart(
      [closed, lyon],
      [level(9, 1, 5), level(2, 1, 5)],
      [{ variantId: 1, quantity: 1 }],
      fromLyon,
      now
    )
    assert.deepEqual(
      proposals.map((proposal) => proposal.store.code),
      ['lyon']
    )
    assert.deepEqual(shortfalls, [])
  })

  test('without a postcode, in the merchant’s order', ({ assert }) => {
    const levels = [level(2, 1, 5), level(3, 1, 5), level(4, 1, 5)]
    const { proposals } = pickupForCart(stores, levels, [{ variantId: 1, quantity: 1 }], null, now)
    assert.deepEqual(
      proposals.map((proposal) => [proposal.store.code, proposal.distanceKm]),
      [
        ['paris', null],
        ['annecy', null],
        ['lyon', null],
      ]
    )
  })
})

test.group('Click & collect: one variant in each store', () => {
  test('says in stock, only a few, or out, nearest first, with when one unit is ready', ({
    assert,
  }) => {
    const levels = [level(2, 7, 1, 2), level(4, 7, 10, 2), level(3, 7, 0, 2), level(2, 8, 5)]
    const rows = variantAvailability(stores, levels, 7, fromLyon, now)
    assert.deepEqual(
      rows.map((row) => [row.store.code, row.status, row.readyAt]),
      [
        ['lyon', 'low_stock', paris('2026-11-23T12:00')],
        ['annecy', 'in_stock', paris('2026-11-23T13:00')],
        ['paris', 'out_of_stock', null],
      ]
    )
  })

  test('a store without a stock level for it is out of it', ({ assert }) => {
    const rows = variantAvailability([lyon], [], 7, fromLyon, now)
    assert.equal(rows[0].status, 'out_of_stock')
  })

  test('counts the stores holding at least one unit', ({ assert }) => {
    const levels = [level(2, 7, 1, 5), level(4, 7, 0), level(3, 7, 3), level(1, 7, 99)]
    // Location 1 (the warehouse) is not a store.
    assert.equal(storesHolding(stores, levels, 7), 2)
    assert.equal(storesHolding(stores, levels, 8), 0)
  })

  test('stock statuses follow the safety threshold', ({ assert }) => {
    assert.equal(stockStatus(0, 0), 'out_of_stock')
    assert.equal(stockStatus(-1, 0), 'out_of_stock')
    assert.equal(stockStatus(1, 0), 'in_stock')
    assert.equal(stockStatus(2, 2), 'low_stock')
    assert.equal(stockStatus(3, 2), 'in_stock')
  })
})
