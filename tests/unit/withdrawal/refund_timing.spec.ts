import { test } from '@japa/runner'
import { lateRefundPercent, lateRefundSurcharge, refundDue } from '#domain/withdrawal/refund_timing'

test.group('Refund due date', () => {
  /** Goods coming back after a withdrawal notified Mon 2 Mar 2026. */
  const returning = { notifiedOn: '2026-03-02', goodsToReturn: true } as const

  test('W-10 / W-13 / TC-11: proof of shipment on 10 Mar, goods on 20 Mar → due Mon 16 Mar 2026', ({
    assert,
  }) => {
    assert.deepEqual(
      refundDue({
        ...returning,
        proofOfShipmentOn: '2026-03-10',
        goodsReceivedOn: '2026-03-20',
      }),
      { status: 'due', dueOn: '2026-03-16', deferred: false }
    )
  })

  test('W-13 / TC-12: proof of shipment 25 Mar, goods 30 Mar → the refund may wait until 25 Mar, no later', ({
    assert,
  }) => {
    assert.deepEqual(
      refundDue({
        ...returning,
        proofOfShipmentOn: '2026-03-25',
        goodsReceivedOn: '2026-03-30',
      }),
      { status: 'due', dueOn: '2026-03-25', deferred: true }
    )
  })

  test('W-13: goods back before any proof → due the day they arrive when that is after the 14 days', ({
    assert,
  }) => {
    assert.deepEqual(refundDue({ ...returning, goodsReceivedOn: '2026-03-18' }), {
      status: 'due',
      dueOn: '2026-03-18',
      deferred: true,
    })
  })

  test('W-13: neither goods nor proof yet → the refund waits, due no earlier than day 14', ({
    assert,
  }) => {
    assert.deepEqual(
      refundDue({
        ...returning,
        goodsReceivedOn: null,
        proofOfShipmentOn: null,
      }),
      { status: 'awaiting_goods', earliestDueOn: '2026-03-16' }
    )
  })

  test('W-13: a trader who offered to collect the goods may not wait for them', ({ assert }) => {
    assert.deepEqual(
      refundDue({
        ...returning,
        traderCollects: true,
        goodsReceivedOn: '2026-04-10',
      }),
      { status: 'due', dueOn: '2026-03-16', deferred: false }
    )
  })

  test('W-08 / W-10: a withdrawal before shipment has nothing to wait for', ({ assert }) => {
    assert.deepEqual(refundDue({ notifiedOn: '2026-03-02', goodsToReturn: false }), {
      status: 'due',
      dueOn: '2026-03-16',
      deferred: false,
    })
  })

  test('W-10: the due date is not moved off a weekend (product decision) nor a year end', ({
    assert,
  }) => {
    // Sun 1 Mar + 14 = Sun 15 Mar 2026 stays.
    const sunday = refundDue({ notifiedOn: '2026-03-01', goodsToReturn: false })
    assert.deepEqual(sunday, { status: 'due', dueOn: '2026-03-15', deferred: false })
    // Sun 20 Dec 2026 + 14 = Sun 3 Jan 2027.
    const yearEnd = refundDue({ notifiedOn: '2026-12-20', goodsToReturn: false })
    assert.deepEqual(yearEnd, { status: 'due', dueOn: '2027-01-03', deferred: false })
  })
})

test.group('Late refund surcharge', () => {
  /** Refunded `refundedOn`, due 16 Mar 2026, at a 6.65 % legal rate (an example). */
  function late(refundedOn: string, amount: number, productPrice?: number) {
    return lateRefundSurcharge({
      dueOn: '2026-03-16',
      refundedOn,
      amount,
      productPrice,
      legalInterestRateBp: 665,
    })
  }

  test('W-15 / TC-13: due 16 Mar 2026, €200 refunded 31 Mar (15 days late) → +5 %, €210 owed', ({
    assert,
  }) => {
    assert.deepEqual(late('2026-03-31', 20000), {
      daysLate: 15,
      basis: 'percentage',
      percent: 5,
      surcharge: 1000,
      owed: 21000,
    })
  })

  test('W-15: refunded on or before the due date → nothing added', ({ assert }) => {
    for (const refundedOn of ['2026-03-16', '2026-03-10']) {
      assert.deepEqual(late(refundedOn, 20000), {
        daysLate: 0,
        basis: 'on_time',
        percent: null,
        surcharge: 0,
        owed: 20000,
      })
    }
  })

  test('W-15: up to 10 days late → legal interest for the days late, rounded up to the cent', ({
    assert,
  }) => {
    // 20000 × 6.65 % × 10 / 365 = 36.43… → 37 cents.
    assert.deepEqual(late('2026-03-26', 20000), {
      daysLate: 10,
      basis: 'legal_interest',
      percent: null,
      surcharge: 37,
      owed: 20037,
    })
    // 20000 × 6.65 % × 1 / 365 = 3.64… → 4 cents.
    assert.equal(late('2026-03-17', 20000).surcharge, 4)
  })

  test('W-15: each tier includes its upper bound (10, 20, 30, 60, 90 days), then +5 points per month begun', ({
    assert,
  }) => {
    const expected: [number, number | null][] = [
      [10, null],
      [11, 5],
      [20, 5],
      [21, 10],
      [30, 10],
      [31, 20],
      [60, 20],
      [61, 50],
      [90, 50],
      [91, 55],
      [120, 55],
      [121, 60],
      [360, 95],
      [361, 100],
    ]
    for (const [days, percent] of expected) {
      assert.equal(lateRefundPercent(days), percent, `${days} days`)
    }
  })

  test('W-15: the percentage is of the sums due and rounds up (5 % of €199.01 = €9.9505 → €9.96)', ({
    assert,
  }) => {
    const result = late('2026-03-31', 19901)
    assert.deepEqual([result.surcharge, result.owed], [996, 20897])
  })

  test('W-15: the surcharge stops at the product price, then legal interest runs again', ({
    assert,
  }) => {
    // €200 of goods: 100 % is reached on day 361 (16 Mar 2026 + 361 = 12 Mar 2027).
    assert.deepEqual(late('2027-03-12', 20000), {
      daysLate: 361,
      basis: 'capped',
      percent: 100,
      surcharge: 20000,
      owed: 40000,
    })
    // 10 days later: + 20000 × 6.65 % × 10 / 365 → 37 cents.
    const later = late('2027-03-22', 20000)
    assert.deepEqual([later.basis, later.surcharge], ['capped', 20037])
  })

  test('W-15: when the refund includes delivery, the cap is the price of the goods', ({
    assert,
  }) => {
    // €200 refunded, €160 of goods: 80 % of €200 reaches €160 on day 241.
    const capped = late('2026-11-12', 20000, 16000)
    assert.deepEqual([capped.daysLate, capped.basis, capped.surcharge], [241, 'capped', 16000])
    const dayBefore = late('2026-11-11', 20000, 16000)
    assert.deepEqual(
      [dayBefore.basis, dayBefore.percent, dayBefore.surcharge],
      ['percentage', 75, 15000]
    )
  })

  test('W-15: amounts are whole minor units ≥ 0', ({ assert }) => {
    assert.throws(() => late('2026-03-31', 199.5), /whole minor units/)
    assert.throws(() => late('2026-03-31', -100), /whole minor units/)
    assert.throws(
      () =>
        lateRefundSurcharge({
          dueOn: '2026-03-16',
          refundedOn: '2026-03-31',
          amount: 100,
          legalInterestRateBp: 6.65,
        }),
      /basis points/
    )
  })
})
