import { test } from '@japa/runner'
import {
  type OpeningHours,
  formatDayHours,
  opensAtAll,
  parseDayHours,
  readyAt,
} from '#src/opening_hours'
import { SHOP_HOURS, paris } from '#tests/helpers/stores'

test.group('Opening hours: as typed by the merchant', () => {
  test('reads ranges in the usual French and English ways', ({ assert }) => {
    const expected = [
      ['09:30', '12:30'],
      ['14:00', '19:00'],
    ]
    for (const text of [
      '09:30-12:30, 14:00-19:00',
      '9h30-12h30, 14h-19h',
      '9h30 – 12h30 / 14h00 – 19h00',
      '14:00-19:00; 9:30-12:30',
      ' 9H30-12H30,14-19 ',
    ]) {
      assert.deepEqual(parseDayHours(text), { valid: true, intervals: expected }, text)
    }
    assert.deepEqual(parseDayHours('10:00-24:00'), {
      valid: true,
      intervals: [['10:00', '24:00']],
    })
  })

  test('an empty day, or one said closed, is closed', ({ assert }) => {
    for (const text of ['', '  ', 'fermé', 'Fermé', 'closed']) {
      assert.deepEqual(parseDayHours(text), { valid: true, intervals: [] }, text)
    }
  })

  test('refuses what is not a range, a range backwards, and overlaps', ({ assert }) => {
    for (const text of ['9h30', 'matin', '9:75-12:00', '25:00-26:00', '9:30-12:30,', '10-24:30']) {
      assert.deepEqual(parseDayHours(text), { valid: false, problem: 'format' }, text)
    }
    assert.deepEqual(parseDayHours('19:00-14:00'), { valid: false, problem: 'order' })
    assert.deepEqual(parseDayHours('10:00-10:00'), { valid: false, problem: 'order' })
    assert.deepEqual(parseDayHours('9:00-13:00, 12:00-18:00'), { valid: false, problem: 'overlap' })
    // Touching ranges do not overlap.
    assert.isTrue(parseDayHours('9:00-12:00, 12:00-18:00').valid)
  })

  test('are written back as the form shows them, and read again the same', ({ assert }) => {
    const text = formatDayHours([
      ['09:30', '12:30'],
      ['14:00', '19:00'],
    ])
    assert.equal(text, '09:30-12:30, 14:00-19:00')
    assert.deepEqual(parseDayHours(text), {
      valid: true,
      intervals: [
        ['09:30', '12:30'],
        ['14:00', '19:00'],
      ],
    })
    assert.equal(formatDayHours(undefined), '')
  })

  test('a store with no range all week never opens', ({ assert }) => {
    assert.isFalse(opensAtAll({}))
    assert.isFalse(opensAtAll({ mon: [] }))
    assert.isTrue(opensAtAll({ sun: [['10:00', '12:00']] }))
  })
})

test.group('Opening hours: ready date', () => {
  const lunchBreak: OpeningHours = {
    tue: [
      ['09:30', '12:30'],
      ['14:00', '19:00'],
    ],
    wed: [
      ['09:30', '12:30'],
      ['14:00', '19:00'],
    ],
    sat: [['10:00', '18:00']],
  }
  const store = (hours: OpeningHours, preparationHours: number) => ({ hours, preparationHours })

  // 23 November 2026 is a Monday.
  test('is now plus the delay when the store is open then', ({ assert }) => {
    assert.deepEqual(
      readyAt(store(SHOP_HOURS, 2), paris('2026-11-23T10:15')),
      paris('2026-11-23T12:15')
    )
    assert.deepEqual(
      readyAt(store(SHOP_HOURS, 0), paris('2026-11-23T18:59')),
      paris('2026-11-23T18:59')
    )
  })

  test('moves to the next opening when the delay ends while closed', ({ assert }) => {
    // Ends at 13:00 on Tuesday, during lunch: ready when the store reopens.
    assert.deepEqual(
      readyAt(store(lunchBreak, 2), paris('2026-11-24T11:00')),
      paris('2026-11-24T14:00')
    )
    // Ends at closing time exactly: closing is excluded.
    assert.deepEqual(
      readyAt(store(lunchBreak, 2), paris('2026-11-24T17:00')),
      paris('2026-11-25T09:30')
    )
    // Wednesday evening: Thursday and Friday are closed, Saturday opens at 10:00.
    assert.deepEqual(
      readyAt(store(lunchBreak, 1), paris('2026-11-25T18:30')),
      paris('2026-11-28T10:00')
    )
    // Saturday evening: the next opening is Tuesday.
    assert.deepEqual(
      readyAt(store(lunchBreak, 4), paris('2026-11-28T16:00')),
      paris('2026-12-01T09:30')
    )
  })

  test('counts the delay around the clock, nights and closed days included', ({ assert }) => {
    // Sunday 10:00 + 24 h is Monday 10:00, when the store opens.
    assert.deepEqual(
      readyAt(store(SHOP_HOURS, 24), paris('2026-11-22T10:00')),
      paris('2026-11-23T10:00')
    )
    // Monday 20:00 + 12 h is Tuesday 08:00, before opening.
    assert.deepEqual(
      readyAt(store(SHOP_HOURS, 12), paris('2026-11-23T20:00')),
      paris('2026-11-24T10:00')
    )
  })

  test('keeps opening hours in Paris time across clock changes', ({ assert }) => {
    // Summer time starts on Sunday 29 March 2026 at 02:00: Monday opens at 10:00 CEST (08:00 UTC).
    const ready = readyAt(store(SHOP_HOURS, 1), paris('2026-03-28T19:30'))
    assert.equal(ready?.toISOString(), '2026-03-30T08:00:00.000Z')
    // Winter time (25 October 2026): Monday opens at 10:00 CET (09:00 UTC).
    const winter = readyAt(store(SHOP_HOURS, 1), paris('2026-10-24T19:30'))
    assert.equal(winter?.toISOString(), '2026-10-26T09:00:00.000Z')
    // A delay of hours is of real hours: 01:30 + 1 h on the night of the change is 03:30.
    const night = readyAt(store({ sun: [['00:00', '24:00']] }, 1), paris('2026-03-29T01:30'))
    assert.equal(night?.toISOString(), '2026-03-29T01:30:00.000Z')
  })

  test('a store closing at midnight is open until then', ({ assert }) => {
    const lateHours: OpeningHours = { fri: [['18:00', '24:00']] }
    assert.deepEqual(
      readyAt(store(lateHours, 1), paris('2026-11-27T22:30')),
      paris('2026-11-27T23:30')
    )
    assert.deepEqual(
      readyAt(store(lateHours, 2), paris('2026-11-27T22:30')),
      paris('2026-12-04T18:00')
    )
  })

  test('is null for a store that never opens', ({ assert }) => {
    assert.isNull(readyAt(store({}, 2), paris('2026-11-23T10:00')))
    assert.isNull(readyAt(store({ mon: [] }, 0), paris('2026-11-23T10:00')))
  })

  test('a long delay is counted in full before looking for an opening', ({ assert }) => {
    // Thirty days after Monday 23 November, 10:00: Wednesday 23 December, open.
    assert.deepEqual(
      readyAt(store(SHOP_HOURS, 24 * 30), paris('2026-11-23T10:00')),
      paris('2026-12-23T10:00')
    )
  })
})
