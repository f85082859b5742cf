import { test } from '@japa/runner'
import { Money, allocateProportionally } from '#domain/money'

test.group('Money', () => {
  test('formats euros the French way, with the no-break spaces Intl uses', ({ assert }) => {
    // U+202F narrow no-break space groups thousands; U+00A0 no-break space precedes the symbol.
    assert.equal(Money.of(123450, 'EUR').format('fr'), '1\u202f234,50\u00a0€')
    assert.equal(Money.of(5, 'EUR').format('fr'), '0,05\u00a0€')
    assert.equal(Money.of(-123456705, 'EUR').format('fr'), '-1\u202f234\u202f567,05\u00a0€')
  })

  test('formats euros the English way', ({ assert }) => {
    assert.equal(Money.of(123450, 'EUR').format('en'), '€1,234.50')
  })

  test('knows each currency exponent', ({ assert }) => {
    assert.equal(Money.exponent('EUR'), 2)
    assert.equal(Money.exponent('JPY'), 0)
    assert.equal(Money.exponent('BHD'), 3)
    // ISO 4217 counts two digits for the forint even though prices show none.
    assert.equal(Money.exponent('HUF'), 2)
    assert.equal(Money.of(1500, 'JPY').toDecimalString(), '1500')
    assert.equal(Money.of(1500, 'BHD').toDecimalString(), '1.500')
    assert.equal(Money.of(-7, 'EUR').toDecimalString(), '-0.07')
  })

  test('adds, subtracts and multiplies on integers only', ({ assert }) => {
    const price = Money.of(1999, 'EUR')
    assert.equal(price.multiply(3).amount, 5997)
    assert.equal(price.add(Money.of(1, 'EUR')).amount, 2000)
    assert.equal(price.subtract(Money.of(2000, 'EUR')).amount, -1)
    assert.isTrue(price.equals(Money.of(1999, 'EUR')))
    assert.isFalse(price.equals(Money.of(1999, 'USD')))
  })

  test('reads amounts typed by people, without floating point', ({ assert }) => {
    assert.equal(Money.parse('12,5', 'EUR')?.amount, 1250)
    assert.equal(Money.parse('1 234.50', 'EUR')?.amount, 123450)
    assert.equal(Money.parse('0.07', 'EUR')?.amount, 7)
    assert.equal(Money.parse('19.99', 'EUR')?.amount, 1999)
    assert.equal(Money.parse('1500', 'JPY')?.amount, 1500)
    assert.isNull(Money.parse('12.345', 'EUR'))
    assert.isNull(Money.parse('douze', 'EUR'))
    assert.isNull(Money.parse('', 'EUR'))
    assert.isNull(Money.parse('99999999999999999999', 'EUR'))
  })

  test('refuses floats, unknown currency codes and mixed currencies', ({ assert }) => {
    assert.throws(() => Money.of(19.99, 'EUR'), /integer number of minor units/)
    assert.throws(() => Money.of(100, 'euro'), /ISO 4217/)
    assert.throws(() => Money.of(100, 'EUR').multiply(1.5), /whole quantity/)
    assert.throws(
      () => Money.of(100, 'EUR').add(Money.of(100, 'USD')),
      /Cannot combine EUR with USD/
    )
  })

  test('allocates in proportion, every minor unit accounted for', ({ assert }) => {
    assert.deepEqual(
      Money.of(1000, 'EUR')
        .allocate([1, 1, 1])
        .map((share) => share.amount),
      [334, 333, 333]
    )
    assert.deepEqual(allocateProportionally(500, [3000, 1000]), [375, 125])
    assert.deepEqual(allocateProportionally(-100, [1, 2]), [-33, -67])
    assert.deepEqual(allocateProportionally(7, [0, 0]), [4, 3])
    assert.deepEqual(allocateProportionally(0, [5, 5]), [0, 0])
    assert.deepEqual(allocateProportionally(10, []), [])
    const shares = allocateProportionally(99_999, [1999, 4590, 17, 1])
    assert.equal(
      shares.reduce((sum, share) => sum + share, 0),
      99_999
    )
    assert.throws(() => allocateProportionally(10, [1.5]), /whole numbers/)
  })
})
