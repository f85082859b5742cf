import { test } from '@japa/runner'
import {
  withdrawalRefund,
  type WithdrawalRefundInput,
  type WithdrawalRefundLine,
} from '#domain/withdrawal/refund_amount'

/**
 * An order of 2 jackets (€80 the line) and a scarf (€20), delivery €4.90
 * standard; `jackets` and `scarves` are the units withdrawn now.
 */
function lines(jackets: number, scarves: number, jacketsBefore = 0): WithdrawalRefundLine[] {
  return [
    { key: 'JACKET', paid: 8000, quantity: 2, withdrawn: jackets, withdrawnBefore: jacketsBefore },
    { key: 'SCARF', paid: 2000, quantity: 1, withdrawn: scarves },
  ]
}

function order(overrides: Partial<WithdrawalRefundInput> = {}): WithdrawalRefundInput {
  return {
    currency: 'EUR',
    lines: lines(2, 1),
    delivery: { paid: 490, cheapestStandard: 490 },
    informed: { ofRight: true, bearsReturnCost: true },
    ...overrides,
  }
}

/** The refund of `order(overrides)`, which must be accepted. */
function refundOf(overrides: Partial<WithdrawalRefundInput> = {}) {
  const result = withdrawalRefund(order(overrides))
  if (!result.ok) throw new Error(`Expected a refund, got ${result.error}`)
  return result.refund
}

const proRata = (paid: number) =>
  ({ paid, cheapestStandard: 490, partialPolicy: 'pro_rata' }) as const

test.group('Refund amount: goods and delivery', () => {
  test('W-11 / TC-14: €80 of goods, express €12.90 chosen over standard €4.90, all withdrawn → €84.90', ({
    assert,
  }) => {
    const refund = refundOf({
      lines: [{ key: 'LAMP', paid: 8000, quantity: 1, withdrawn: 1 }],
      delivery: { paid: 1290, cheapestStandard: 490 },
    })
    assert.deepEqual(refund, {
      currency: 'EUR',
      lines: [{ key: 'LAMP', units: 1, amount: 8000 }],
      goods: 8000,
      delivery: 490,
      deliveryBasis: 'all_withdrawn',
      returnShipping: 0,
      deduction: null,
      total: 8490,
    })
  })

  test('W-10: everything withdrawn → goods and the standard delivery paid, in full', ({
    assert,
  }) => {
    const refund = refundOf()
    assert.deepEqual([refund.goods, refund.delivery, refund.total], [10000, 490, 10490])
  })

  test('W-11: free delivery (coupon) refunds no delivery; no standard option offered → what was paid', ({
    assert,
  }) => {
    assert.equal(refundOf({ delivery: { paid: 0, cheapestStandard: 490 } }).delivery, 0)
    assert.equal(refundOf({ delivery: { paid: 1290, cheapestStandard: null } }).delivery, 1290)
  })

  test('W-12: a partial withdrawal refunds no delivery by default', ({ assert }) => {
    const refund = refundOf({ lines: lines(2, 0) })
    assert.deepEqual(refund.lines, [{ key: 'JACKET', units: 2, amount: 8000 }])
    assert.equal(refund.delivery, 0)
    assert.equal(refund.deliveryBasis, 'partial_not_refunded')
    assert.equal(refund.total, 8000)
  })

  test('W-12: with the pro rata setting, delivery follows the share of goods (80 % of €4.90 = €3.92)', ({
    assert,
  }) => {
    const refund = refundOf({ lines: lines(2, 0), delivery: proRata(490) })
    assert.equal(refund.delivery, 392)
    assert.equal(refund.deliveryBasis, 'partial_pro_rata')
    assert.equal(refund.total, 8392)
  })

  test('W-11 / W-12: pro rata applies to the cheapest standard delivery, not to the express price', ({
    assert,
  }) => {
    // 40 % of €4.90 = €1.96.
    assert.equal(refundOf({ lines: lines(1, 0), delivery: proRata(1290) }).delivery, 196)
  })

  test('W-12: the statement that completes the order refunds the rest of the delivery', ({
    assert,
  }) => {
    const byDefault = refundOf({ lines: lines(0, 1, 2) })
    assert.deepEqual(byDefault.lines, [{ key: 'SCARF', units: 1, amount: 2000 }])
    assert.equal(byDefault.delivery, 490)
    assert.equal(byDefault.deliveryBasis, 'all_withdrawn')
    // Pro rata: €3.92 went with the first statement, €0.98 comes now.
    assert.equal(refundOf({ lines: lines(0, 1, 2), delivery: proRata(490) }).delivery, 98)
  })

  test('W-10: units of one line split what the line paid, and successive shares add up exactly', ({
    assert,
  }) => {
    // €10 for 3 units (after a coupon): 1 unit = €3.33, the next 2 = €6.67.
    const socks = { key: 'SOCKS', paid: 1000, quantity: 3 }
    const first = refundOf({ lines: [{ ...socks, withdrawn: 1 }] })
    const rest = refundOf({ lines: [{ ...socks, withdrawn: 2, withdrawnBefore: 1 }] })
    assert.deepEqual([first.goods, rest.goods], [333, 667])
    // Half a cent rounds up: €0.05 for 2 units → 3 then 2.
    assert.equal(refundOf({ lines: [{ key: 'PIN', paid: 5, quantity: 2, withdrawn: 1 }] }).goods, 3)
  })

  test('W-10: a statement must withdraw something, and no more than was ordered', ({ assert }) => {
    const one = (line: Partial<WithdrawalRefundLine>) => () =>
      withdrawalRefund(
        order({ lines: [{ key: 'A', paid: 100, quantity: 2, withdrawn: 1, ...line }] })
      )
    assert.throws(one({ withdrawn: 0 }), /at least one unit/)
    assert.throws(one({ withdrawn: 2, withdrawnBefore: 1 }), /more units withdrawn than ordered/)
    assert.throws(one({ paid: 99.5 }), /whole minor units/)
    assert.throws(() => withdrawalRefund(order({ currency: 'euro' })), /ISO 4217/)
  })
})

test.group('Refund amount: return cost', () => {
  const silentCgv = { ofRight: true, bearsReturnCost: false }

  test('W-16 / TC-15: CGV silent on who pays returns, the consumer paid a €6 label → refunded too', ({
    assert,
  }) => {
    const refund = refundOf({ informed: silentCgv, returnShipping: { by: 'consumer', cost: 600 } })
    assert.equal(refund.returnShipping, 600)
    assert.equal(refund.total, 10490 + 600)
  })

  test('W-16: told he bears the return cost, the consumer’s own parcel is not refunded', ({
    assert,
  }) => {
    const refund = refundOf({ returnShipping: { by: 'consumer', cost: 600 } })
    assert.equal(refund.returnShipping, 0)
    assert.equal(refund.total, 10490)
  })

  test('W-16: the trader’s label is charged only to a consumer told he bears the return cost', ({
    assert,
  }) => {
    const charged = refundOf({ returnShipping: { by: 'trader', cost: 590 } })
    assert.equal(charged.returnShipping, -590)
    assert.equal(charged.total, 10490 - 590)
    const free = refundOf({ informed: silentCgv, returnShipping: { by: 'trader', cost: 590 } })
    assert.equal(free.returnShipping, 0)
  })

  test('W-16: a return label dearer than the refund is refused', ({ assert }) => {
    const result = withdrawalRefund(
      order({
        lines: [{ key: 'PIN', paid: 300, quantity: 1, withdrawn: 1 }],
        delivery: { paid: 0, cheapestStandard: 0 },
        returnShipping: { by: 'trader', cost: 590 },
      })
    )
    assert.deepEqual(result, { ok: false, error: 'charges_exceed_refund' })
  })
})

test.group('Refund amount: depreciation (W-17)', () => {
  const lamp = [{ key: 'LAMP', paid: 8000, quantity: 1, withdrawn: 1 }]

  test('W-17: a justified deduction lowers the refund and keeps its reason', ({ assert }) => {
    const refund = refundOf({ deduction: { amount: 1500, reason: ' Semelles usées ' } })
    assert.deepEqual(refund.deduction, { amount: 1500, reason: 'Semelles usées' })
    assert.equal(refund.total, 10490 - 1500)
  })

  test('W-17: a zero or negative deduction is rejected', ({ assert }) => {
    for (const amount of [0, -500]) {
      assert.deepEqual(withdrawalRefund(order({ deduction: { amount, reason: 'Rayures' } })), {
        ok: false,
        error: 'deduction_not_positive',
      })
    }
    assert.throws(
      () => withdrawalRefund(order({ deduction: { amount: 12.5, reason: 'Rayures' } })),
      /whole minor units/
    )
  })

  test('W-17: a deduction needs a reason', ({ assert }) => {
    assert.deepEqual(withdrawalRefund(order({ deduction: { amount: 500, reason: '  ' } })), {
      ok: false,
      error: 'deduction_without_reason',
    })
  })

  test('W-17: no deduction when the consumer was not informed of the right', ({ assert }) => {
    const result = withdrawalRefund(
      order({
        informed: { ofRight: false, bearsReturnCost: true },
        deduction: { amount: 500, reason: 'Rayures' },
      })
    )
    assert.deepEqual(result, { ok: false, error: 'deduction_without_information' })
  })

  test('W-17: a deduction larger than the goods withdrawn is rejected; equal to them is allowed', ({
    assert,
  }) => {
    assert.deepEqual(
      withdrawalRefund(order({ lines: lamp, deduction: { amount: 8001, reason: 'Cassée' } })),
      { ok: false, error: 'deduction_exceeds_goods' }
    )
    assert.equal(
      refundOf({ lines: lamp, deduction: { amount: 8000, reason: 'Cassée' } }).total,
      490
    )
  })

  test('W-17 / W-16: deduction and return label together may not exceed the refund', ({
    assert,
  }) => {
    const result = withdrawalRefund(
      order({
        lines: lamp,
        delivery: { paid: 0, cheapestStandard: 490 },
        returnShipping: { by: 'trader', cost: 590 },
        deduction: { amount: 7500, reason: 'Rayures' },
      })
    )
    assert.deepEqual(result, { ok: false, error: 'charges_exceed_refund' })
  })
})
