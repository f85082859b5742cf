import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { withdrawalPeriod } from '#domain/withdrawal/period'
import { parisDate } from '#domain/paris_time'
import {
  canMoveWithdrawal,
  goodsStart,
  refundAlert,
  statementProblem,
  unshippedUnitsWithdrawn,
  withdrawableLines,
  type OrderLineForWithdrawal,
} from '#domain/withdrawal_handling'

const line = (overrides: Partial<OrderLineForWithdrawal> = {}): OrderLineForWithdrawal => ({
  id: 1,
  quantity: 2,
  exception: null,
  shownBeforeOrder: false,
  withdrawnBefore: 0,
  ...overrides,
})

test.group('Withdrawal handling: what an order still lets the consumer withdraw', () => {
  test('W-18 / TC-16: an exception shown before the order excludes the line', ({ assert }) => {
    const [ring] = withdrawableLines([line({ exception: 'custom_made', shownBeforeOrder: true })])
    assert.equal(ring.eligibility.verdict, 'excluded')
    assert.equal(ring.units, 0)
  })

  test('W-18 / TC-17: an exception never shown keeps the right, flagged as a legal risk', ({
    assert,
  }) => {
    const [ring] = withdrawableLines([line({ exception: 'custom_made', shownBeforeOrder: false })])
    assert.deepEqual(ring.eligibility, { verdict: 'withdrawable', unshownException: 'custom_made' })
    assert.equal(ring.units, 2)
  })

  test('W-18 / TC-18: sealed goods are offered, to be excluded only if they come back unsealed', ({
    assert,
  }) => {
    const [lipstick] = withdrawableLines([
      line({ exception: 'sealed_hygiene', shownBeforeOrder: true, quantity: 1 }),
    ])
    assert.equal(lipstick.eligibility.verdict, 'withdrawable_if_sealed')
    assert.equal(lipstick.units, 1)
  })

  test('units an earlier statement withdrew are not offered again', ({ assert }) => {
    const lines = withdrawableLines([
      line({ id: 1, quantity: 3, withdrawnBefore: 1 }),
      line({ id: 2, quantity: 1, withdrawnBefore: 1 }),
    ])
    assert.deepEqual(
      lines.map((entry) => [entry.id, entry.units]),
      [
        [1, 2],
        [2, 0],
      ]
    )
    assert.isNull(statementProblem(lines, [{ orderLineId: 1, quantity: 2 }]))
    assert.equal(statementProblem(lines, [{ orderLineId: 1, quantity: 3 }]), 'not_withdrawable')
    assert.equal(statementProblem(lines, [{ orderLineId: 2, quantity: 1 }]), 'not_withdrawable')
    assert.equal(statementProblem(lines, [{ orderLineId: 9, quantity: 1 }]), 'not_withdrawable')
    assert.equal(
      statementProblem(lines, [
        { orderLineId: 1, quantity: 1 },
        { orderLineId: 1, quantity: 1 },
      ]),
      'not_withdrawable'
    )
    assert.equal(statementProblem(lines, [{ orderLineId: 1, quantity: 0 }]), 'empty')
    assert.equal(statementProblem(lines, []), 'empty')
  })
})

test.group('Withdrawal handling: the period of an order of goods', () => {
  test('W-04 / TC-02: two parcels on different days, the period runs from the last one', ({
    assert,
  }) => {
    const period = withdrawalPeriod(goodsStart(['2026-03-03', '2026-03-07'], 0))
    assert.equal(period.status === 'running' && period.lastDay, '2026-03-23')
  })

  test('W-08: units still to ship, or a parcel on its way, and the period has not started', ({
    assert,
  }) => {
    assert.equal(withdrawalPeriod(goodsStart(['2026-03-03'], 1)).status, 'not_started')
    assert.equal(withdrawalPeriod(goodsStart(['2026-03-03', null], 0)).status, 'not_started')
    assert.equal(withdrawalPeriod(goodsStart([], 2)).status, 'not_started')
  })

  test('§0: legal days are Paris days, whatever the instant is stored in', ({ assert }) => {
    // 23:30 UTC on 6 March is 00:30 on 7 March in Paris.
    assert.equal(parisDate(DateTime.fromISO('2026-03-06T23:30:00Z')), '2026-03-07')
  })
})

test.group('Withdrawal handling: steps and alerts', () => {
  test('the goods may come back with or without a proof first; a refund ends it', ({ assert }) => {
    assert.isTrue(canMoveWithdrawal('requested', 'goods_shipped_back'))
    assert.isTrue(canMoveWithdrawal('requested', 'goods_received'))
    assert.isTrue(canMoveWithdrawal('goods_shipped_back', 'goods_received'))
    assert.isTrue(canMoveWithdrawal('requested', 'refunded'))
    assert.isFalse(canMoveWithdrawal('goods_received', 'goods_shipped_back'))
    assert.isFalse(canMoveWithdrawal('refunded', 'refunded'))
  })

  test('W-10: a refund late or due within three days needs the merchant; awaited goods do not', ({
    assert,
  }) => {
    const due = (dueOn: string) => ({ status: 'due' as const, dueOn, deferred: false })
    assert.equal(refundAlert(due('2026-03-15'), '2026-03-16'), 'late')
    assert.equal(refundAlert(due('2026-03-16'), '2026-03-16'), 'due_soon')
    assert.equal(refundAlert(due('2026-03-19'), '2026-03-16'), 'due_soon')
    assert.isNull(refundAlert(due('2026-03-20'), '2026-03-16'))
    assert.isNull(
      refundAlert({ status: 'awaiting_goods', earliestDueOn: '2026-03-10' }, '2026-03-16')
    )
  })

  test('W-08: a withdrawal takes back the units the customer holds first, then units not shipped yet', ({
    assert,
  }) => {
    // 3 ordered, none shipped: both withdrawn units will never ship.
    assert.equal(unshippedUnitsWithdrawn(2, { quantity: 3, toShip: 3, withdrawnBefore: 0 }), 2)
    // 3 ordered, 1 shipped: withdrawing 1 is the one delivered; withdrawing 2 also stops one.
    assert.equal(unshippedUnitsWithdrawn(1, { quantity: 3, toShip: 2, withdrawnBefore: 0 }), 0)
    assert.equal(unshippedUnitsWithdrawn(2, { quantity: 3, toShip: 2, withdrawnBefore: 0 }), 1)
    // The delivered unit was withdrawn earlier: the next one is taken from those to ship.
    assert.equal(unshippedUnitsWithdrawn(1, { quantity: 3, toShip: 2, withdrawnBefore: 1 }), 1)
  })
})
