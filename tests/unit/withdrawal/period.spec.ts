import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { addMonths, daysBetween } from '@comptoir/contracts/french_calendar'
import {
  isTimely,
  withdrawalPeriod,
  type PeriodOptions,
  type WithdrawalPeriod,
} from '#domain/withdrawal/period'

/** The last day of a period for goods received in one parcel on `receivedOn`. */
function lastDayForGoods(receivedOn: string, options?: PeriodOptions): string {
  return running(withdrawalPeriod({ kind: 'goods', parcelsReceivedOn: [receivedOn] }, options))
    .lastDay
}

function running(period: WithdrawalPeriod) {
  if (period.status !== 'running') throw new Error('Expected a running period')
  return period
}

test.group('Withdrawal period: start and counting', () => {
  test('W-03 / W-06 / TC-01: goods received Fri 7 Mar 2025 → Fri 21 Mar 2025, 23:59:59 Paris', ({
    assert,
  }) => {
    const period = running(withdrawalPeriod({ kind: 'goods', parcelsReceivedOn: ['2025-03-07'] }))
    assert.equal(period.startedOn, '2025-03-07')
    assert.equal(period.lastDay, '2025-03-21')
    assert.equal(period.initialLastDay, '2025-03-21')
    assert.isNull(period.extension)
    assert.equal(period.endsAt.toUTC().toISO(), '2025-03-21T22:59:59.999Z')
    assert.equal(
      period.endsAt.setZone('Europe/Paris').toFormat('yyyy-MM-dd HH:mm:ss'),
      '2025-03-21 23:59:59'
    )
  })

  test('W-04 / W-06 / TC-02: several parcels run from the last one; day 14 on a Saturday → Mon 23 Mar 2026', ({
    assert,
  }) => {
    const period = running(
      withdrawalPeriod({ kind: 'goods', parcelsReceivedOn: ['2026-03-07', '2026-03-03'] })
    )
    assert.equal(period.startedOn, '2026-03-07')
    assert.equal(period.lastDay, '2026-03-23')
  })

  test('W-04 / W-08: while a parcel is on its way the period has not started and withdrawal is open', ({
    assert,
  }) => {
    const period = withdrawalPeriod({ kind: 'goods', parcelsReceivedOn: ['2026-03-03', null] })
    assert.deepEqual(period, { status: 'not_started' })
    assert.deepEqual(withdrawalPeriod({ kind: 'goods', parcelsReceivedOn: [] }), {
      status: 'not_started',
    })
    assert.isTrue(isTimely(period, '2027-01-01T12:00:00+01:00'))
  })

  test('W-06 / TC-03: day 14 on Christmas (Fri 25 Dec 2026) → Mon 28 Dec 2026', ({ assert }) => {
    assert.equal(lastDayForGoods('2026-12-11'), '2026-12-28')
  })

  test('W-06 / TC-04: day 14 on a Sunday before Whit Monday → Tue 26 May 2026', ({ assert }) => {
    assert.equal(lastDayForGoods('2026-05-10'), '2026-05-26')
  })

  test('W-06 / TC-05: day 14 on Armistice Day (Wed 11 Nov 2026) → Thu 12 Nov 2026', ({
    assert,
  }) => {
    assert.equal(lastDayForGoods('2026-10-28'), '2026-11-12')
  })

  test('W-06: day 14 on Easter Monday (6 Apr 2026) → Tue 7 Apr 2026', ({ assert }) => {
    assert.equal(lastDayForGoods('2026-03-23'), '2026-04-07')
  })

  test('W-06: across the year end, New Year’s Day 2027 then a weekend → Mon 4 Jan 2027', ({
    assert,
  }) => {
    assert.equal(lastDayForGoods('2026-12-18'), '2027-01-04')
    // Thu 1 Jan 2026 → Fri 2 Jan.
    assert.equal(lastDayForGoods('2025-12-18'), '2026-01-02')
  })

  test('W-06: Alsace-Moselle adds 26 December (Fri 26 Dec 2025 → Mon 29 Dec 2025)', ({
    assert,
  }) => {
    assert.equal(lastDayForGoods('2025-12-12'), '2025-12-26')
    assert.equal(lastDayForGoods('2025-12-12', { calendar: 'alsace_moselle' }), '2025-12-29')
  })

  test('W-06: Alsace-Moselle adds Good Friday, then the weekend and Easter Monday → Tue 7 Apr 2026', ({
    assert,
  }) => {
    assert.equal(lastDayForGoods('2026-03-20'), '2026-04-03')
    assert.equal(lastDayForGoods('2026-03-20', { calendar: 'alsace_moselle' }), '2026-04-07')
  })

  test('W-06: a leap day counts as a day (15 Feb 2028 → Tue 29 Feb 2028)', ({ assert }) => {
    assert.equal(lastDayForGoods('2028-02-15'), '2028-02-29')
    // The same receipt day in 2027 ends on 1 Mar.
    assert.equal(lastDayForGoods('2027-02-15'), '2027-03-01')
  })

  test('W-06: goods received on a public holiday start the count the next day (Fri 1 May 2026 → Fri 15 May)', ({
    assert,
  }) => {
    assert.equal(lastDayForGoods('2026-05-01'), '2026-05-15')
  })

  test('W-06: the end is midnight in Paris whatever the season (summer time, and the day it ends)', ({
    assert,
  }) => {
    // Wed 1 Jul 2026 → Wed 15 Jul (14 Jul is day 13 and changes nothing): UTC+2.
    const summer = running(withdrawalPeriod({ kind: 'goods', parcelsReceivedOn: ['2026-07-01'] }))
    assert.equal(summer.endsAt.toUTC().toISO(), '2026-07-15T21:59:59.999Z')
    // Day 14 is Sun 25 Oct 2026, when summer time ends → Mon 26 Oct, UTC+1.
    const autumn = running(withdrawalPeriod({ kind: 'goods', parcelsReceivedOn: ['2026-10-11'] }))
    assert.equal(autumn.lastDay, '2026-10-26')
    assert.equal(autumn.endsAt.toUTC().toISO(), '2026-10-26T22:59:59.999Z')
  })

  test('W-05 / TC-06: a monthly box runs from the first one → Tue 17 Mar 2026 for the whole contract', ({
    assert,
  }) => {
    const period = withdrawalPeriod({ kind: 'regular_deliveries', firstReceivedOn: '2026-03-03' })
    assert.equal(running(period).lastDay, '2026-03-17')
    assert.deepEqual(withdrawalPeriod({ kind: 'regular_deliveries', firstReceivedOn: null }), {
      status: 'not_started',
    })
  })

  test('W-03 / TC-07: a service concluded Fri 13 Feb 2026 → Fri 27 Feb 2026', ({ assert }) => {
    const period = withdrawalPeriod({ kind: 'service', concludedOn: '2026-02-13' })
    assert.equal(running(period).lastDay, '2026-02-27')
  })

  test('W-06: a malformed day is rejected', ({ assert }) => {
    assert.throws(
      () => withdrawalPeriod({ kind: 'service', concludedOn: '13/02/2026' }),
      /YYYY-MM-DD/
    )
  })
})

test.group('Withdrawal period: timeliness', () => {
  const period = withdrawalPeriod({ kind: 'goods', parcelsReceivedOn: ['2026-03-03'] })

  test('W-07 / TC-08: sent 17 Mar 2026 23:58 Paris, read on the 18th → timely', ({ assert }) => {
    assert.equal(running(period).lastDay, '2026-03-17')
    assert.isTrue(isTimely(period, '2026-03-17T23:58:00+01:00'))
    assert.isTrue(isTimely(period, DateTime.fromISO('2026-03-17T22:58:00Z')))
    // Only the sending time is an input: the merchant reading it on the 18th changes nothing.
  })

  test('W-07: the last millisecond of the day is in time, midnight in Paris is not', ({
    assert,
  }) => {
    assert.isTrue(isTimely(period, '2026-03-17T23:59:59.999+01:00'))
    assert.isFalse(isTimely(period, '2026-03-18T00:00:00+01:00'))
    // 23:30 UTC on the 17th is already the 18th in Paris.
    assert.isFalse(isTimely(period, '2026-03-17T23:30:00Z'))
  })

  test('W-07: an ISO time without an offset is read as Paris time', ({ assert }) => {
    assert.isTrue(isTimely(period, '2026-03-17T23:59:00'))
    assert.isFalse(isTimely(period, '2026-03-18T00:00:01'))
  })

  test('W-07: an invalid instant is rejected', ({ assert }) => {
    assert.throws(() => isTimely(period, 'yesterday'), /ISO instant/)
  })
})

test.group('Withdrawal period: missing information (W-09)', () => {
  const receivedMarch3 = { kind: 'goods', parcelsReceivedOn: ['2026-03-03'] } as const

  /** Goods received 3 Mar 2026, the information received on `receivedOn`. */
  function informedOn(receivedOn: string) {
    return running(withdrawalPeriod(receivedMarch3, { information: { receivedOn } }))
  }

  test('W-09 / TC-09: no withdrawal information → extended 12 months, to Wed 17 Mar 2027', ({
    assert,
  }) => {
    const period = running(withdrawalPeriod(receivedMarch3, { information: 'missing' }))
    assert.equal(period.initialLastDay, '2026-03-17')
    assert.equal(period.lastDay, '2027-03-17')
    assert.equal(period.extension, 'information_missing')
    assert.isTrue(isTimely(period, '2027-03-17T23:00:00+01:00'))
    assert.isFalse(isTimely(period, '2027-03-18T00:00:00+01:00'))
  })

  test('W-09 / TC-10: information received Mon 1 Jun 2026 → ends Mon 15 Jun 2026', ({ assert }) => {
    const period = informedOn('2026-06-01')
    assert.equal(period.lastDay, '2026-06-15')
    assert.equal(period.extension, 'information_received_late')
  })

  test('W-06 / W-09: the extended end is moved off a weekend too (Sat 20 Mar 2027 → Mon 22 Mar)', ({
    assert,
  }) => {
    const period = withdrawalPeriod(
      { kind: 'goods', parcelsReceivedOn: ['2026-03-06'] },
      { information: 'missing' }
    )
    assert.equal(running(period).initialLastDay, '2026-03-20')
    assert.equal(running(period).lastDay, '2027-03-22')
  })

  test('W-09: twelve months after a leap day end on 28 Feb 2029', ({ assert }) => {
    assert.equal(lastDayForGoods('2028-02-15', { information: 'missing' }), '2029-02-28')
  })

  test('W-09: information received late on a Saturday → 14 days later, moved to Monday', ({
    assert,
  }) => {
    // Sat 6 Jun + 14 = Sat 20 Jun 2026 → Mon 22 Jun.
    assert.equal(informedOn('2026-06-06').lastDay, '2026-06-22')
  })

  test('W-09: information received during the first 14 days → 14 days after it', ({ assert }) => {
    // Thu 5 Mar + 14 = Thu 19 Mar, later than the initial 17 Mar.
    const period = informedOn('2026-03-05')
    assert.equal(period.lastDay, '2026-03-19')
    assert.equal(period.extension, 'information_received_late')
  })

  test('W-02 / W-09: information received before the goods never shortens the 14 days', ({
    assert,
  }) => {
    const period = informedOn('2026-03-01')
    assert.equal(period.lastDay, '2026-03-17')
    assert.isNull(period.extension)
  })

  test('W-09: information received after the extension ended changes nothing', ({ assert }) => {
    const period = informedOn('2027-04-01')
    assert.equal(period.lastDay, '2027-03-17')
    assert.equal(period.extension, 'information_missing')
  })

  test('W-04 / W-09: information missing but goods not received yet → not started', ({
    assert,
  }) => {
    assert.deepEqual(
      withdrawalPeriod({ kind: 'goods', parcelsReceivedOn: [null] }, { information: 'missing' }),
      { status: 'not_started' }
    )
  })
})

test.group('French calendar additions for withdrawal', () => {
  test('W-09: addMonths keeps the date or falls back to the month’s last day', ({ assert }) => {
    assert.equal(addMonths('2026-03-17', 12), '2027-03-17')
    assert.equal(addMonths('2028-02-29', 12), '2029-02-28')
    assert.equal(addMonths('2027-02-28', 12), '2028-02-28')
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28')
    assert.equal(addMonths('2026-12-31', 2), '2027-02-28')
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28')
    assert.throws(() => addMonths('2026-03-17', 1.5), /whole months/)
  })

  test('W-15: daysBetween counts calendar days across months, years and leap days', ({
    assert,
  }) => {
    assert.equal(daysBetween('2026-03-16', '2026-03-31'), 15)
    assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1)
    assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2)
    assert.equal(daysBetween('2026-03-31', '2026-03-16'), -15)
  })
})
