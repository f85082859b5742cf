import { test } from '@japa/runner'
import { unitPriceAmount } from '#domain/unit_price'

test.group('Unit price', () => {
  test('price per kilogram of goods sold by weight', ({ assert }) => {
    // 250 g of beeswax at 7.90 € → 31.60 €/kg
    assert.equal(unitPriceAmount(790, 250, 'kg'), 3160)
  })

  test('price per litre, rounded to the cent', ({ assert }) => {
    // 33 cl of leather balm at 12.50 € → 37.878… → 37.88 €/l
    assert.equal(unitPriceAmount(1250, 330, 'l'), 3788)
  })

  test('price per piece of a multipack, none for a single piece', ({ assert }) => {
    assert.equal(unitPriceAmount(1800, 6000, 'piece'), 300)
    assert.isNull(unitPriceAmount(1800, 1000, 'piece'))
  })

  test('no unit price without a net quantity', ({ assert }) => {
    assert.isNull(unitPriceAmount(1800, null, null))
    assert.isNull(unitPriceAmount(1800, 0, 'kg'))
  })
})
