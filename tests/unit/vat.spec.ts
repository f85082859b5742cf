import { test } from '@japa/runner'
import { formatVatRate, splitTaxIncluded } from '#domain/vat'

test.group('VAT', () => {
  test('splits a tax-included price into net and VAT at each French rate', ({ assert }) => {
    assert.deepEqual(splitTaxIncluded(12000, 2000), { net: 10000, vat: 2000 })
    assert.deepEqual(splitTaxIncluded(1100, 1000), { net: 1000, vat: 100 })
    assert.deepEqual(splitTaxIncluded(1055, 550), { net: 1000, vat: 55 })
    assert.deepEqual(splitTaxIncluded(1021, 210), { net: 1000, vat: 21 })
  })

  test('rounds the VAT to the nearest cent and keeps net + VAT equal to the price', ({
    assert,
  }) => {
    // 19.99 € at 20 %: VAT = 3.3317 € → 3.33 €
    assert.deepEqual(splitTaxIncluded(1999, 2000), { net: 1666, vat: 333 })
    for (const gross of [1, 7, 99, 1999, 4590, 123457]) {
      const { net, vat } = splitTaxIncluded(gross, 550)
      assert.equal(net + vat, gross)
    }
  })

  test('formats rates by locale', ({ assert }) => {
    assert.equal(formatVatRate(550, 'fr'), '5,5\u00a0%')
    assert.equal(formatVatRate(2000, 'en'), '20%')
  })
})
