import { test } from '@japa/runner'
import { orderTotals } from '#domain/order_totals'
import { canMoveOrder, holdsStock } from '#domain/order_status'
import { canMovePayment, refundOutcome } from '#domain/payment_status'

test.group('Order totals', () => {
  test('TC-31 (I-02): VAT base and amount per rate, totals HT/TVA/TTC', ({ assert }) => {
    const totals = orderTotals(
      [
        { unitPrice: 1200, quantity: 2, discount: 0, vatRate: 2000 },
        { unitPrice: 422, quantity: 1, discount: 0, vatRate: 550 },
      ],
      0
    )
    assert.deepEqual(totals.vat, [
      { rate: 2000, gross: 2400, net: 2000, vat: 400 },
      { rate: 550, gross: 422, net: 400, vat: 22 },
    ])
    assert.equal(totals.total, 2822)
    assert.equal(totals.vatTotal, 422)
  })

  test('delivery VAT follows the goods, split pro rata across their rates', ({ assert }) => {
    const totals = orderTotals(
      [
        { unitPrice: 3000, quantity: 1, discount: 0, vatRate: 2000 },
        { unitPrice: 1000, quantity: 1, discount: 0, vatRate: 550 },
      ],
      490
    )
    const [standard, reduced] = totals.vat
    assert.equal(standard.gross, 3000 + 368)
    assert.equal(reduced.gross, 1000 + 122)
    assert.equal(totals.shippingTotal, 490)
    assert.equal(totals.total, 4490)
    assert.equal(
      totals.vat.reduce((sum, line) => sum + line.gross, 0),
      totals.total
    )
  })

  test('discounts lower the lines and the VAT base', ({ assert }) => {
    const totals = orderTotals([{ unitPrice: 5000, quantity: 2, discount: 1000, vatRate: 2000 }], 0)
    assert.equal(totals.itemsTotal, 10000)
    assert.equal(totals.discountTotal, 1000)
    assert.equal(totals.total, 9000)
    assert.deepEqual(totals.vat, [{ rate: 2000, gross: 9000, net: 7500, vat: 1500 }])
  })
})

test.group('Order and payment states', () => {
  test('an order moves only along its lifecycle', ({ assert }) => {
    assert.isTrue(canMoveOrder('pending_payment', 'paid'))
    assert.isTrue(canMoveOrder('paid', 'partially_shipped'))
    assert.isTrue(canMoveOrder('partially_shipped', 'shipped'))
    assert.isFalse(canMoveOrder('pending_payment', 'shipped'))
    assert.isFalse(canMoveOrder('shipped', 'cancelled'))
    assert.isFalse(canMoveOrder('cancelled', 'paid'))
    assert.isFalse(holdsStock('cancelled'))
    assert.isTrue(holdsStock('pending_payment'))
  })

  test('a payment moves only along its machine', ({ assert }) => {
    assert.isTrue(canMovePayment('pending', 'captured'))
    assert.isTrue(canMovePayment('authorized', 'captured'))
    assert.isFalse(canMovePayment('failed', 'captured'))
    assert.isFalse(canMovePayment('refunded', 'captured'))
    assert.isFalse(canMovePayment('captured', 'cancelled'))
  })

  test('refunds never exceed what was captured', ({ assert }) => {
    assert.equal(refundOutcome(10000, 0, 2500), 'partially_refunded')
    assert.equal(refundOutcome(10000, 7500, 2500), 'refunded')
    assert.isNull(refundOutcome(10000, 7500, 2501))
    assert.isNull(refundOutcome(10000, 0, 0))
  })
})
