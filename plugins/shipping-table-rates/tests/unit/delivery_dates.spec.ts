import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  addWorkingDays,
  deliveryWindow,
  easterSunday,
  formatDeliveryWindow,
  frenchPublicHolidays,
} from '#src/delivery_dates'

/** A day in Paris, from its ISO date. */
function day(iso: string) {
  return DateTime.fromISO(iso, { zone: 'Europe/Paris' })
}

function plus(iso: string, days: number) {
  return addWorkingDays(day(iso), days).toISODate()
}

test.group('Delivery dates: working days', () => {
  test('Easter falls on the right Sunday', ({ assert }) => {
    assert.equal(easterSunday(2024).toISODate(), '2024-03-31')
    assert.equal(easterSunday(2025).toISODate(), '2025-04-20')
    assert.equal(easterSunday(2026).toISODate(), '2026-04-05')
  })

  test('French public holidays: fixed ones and those that follow Easter', ({ assert }) => {
    assert.sameMembers(
      [...frenchPublicHolidays(2026)],
      [
        '2026-01-01',
        '2026-04-06',
        '2026-05-01',
        '2026-05-08',
        '2026-05-14',
        '2026-05-25',
        '2026-07-14',
        '2026-08-15',
        '2026-11-01',
        '2026-11-11',
        '2026-12-25',
      ]
    )
  })

  test('a weekday plus one is the next day, Friday plus one is Monday', ({ assert }) => {
    assert.equal(plus('2026-11-23', 1), '2026-11-24')
    assert.equal(plus('2026-11-20', 1), '2026-11-23')
    assert.equal(plus('2026-11-20', 5), '2026-11-27')
  })

  test('an order at the weekend counts from Monday', ({ assert }) => {
    assert.equal(plus('2026-11-21', 1), '2026-11-23')
    assert.equal(plus('2026-11-22', 2), '2026-11-24')
  })

  test('public holidays are skipped', ({ assert }) => {
    // Ascension Thursday.
    assert.equal(plus('2026-05-13', 1), '2026-05-15')
    // Christmas on a Friday, then the weekend.
    assert.equal(plus('2026-12-24', 1), '2026-12-28')
    // Into the new year: 1 January 2027 is a Friday.
    assert.equal(plus('2026-12-31', 1), '2027-01-04')
    // Armistice, a Wednesday.
    assert.equal(plus('2026-11-10', 1), '2026-11-12')
  })

  test('zero days is the order day when it is worked, else the next working day', ({ assert }) => {
    assert.equal(plus('2026-11-23', 0), '2026-11-23')
    assert.equal(plus('2026-11-21', 0), '2026-11-23')
    assert.equal(plus('2026-07-14', 0), '2026-07-15')
  })

  test('the order day is the day in Paris, not in UTC', ({ assert }) => {
    // Thursday 23:30 UTC is already Friday 00:30 in Paris.
    const window = deliveryWindow(new Date('2026-11-19T23:30:00Z'), [1, 1])
    assert.equal(window.from.toISODate(), '2026-11-23')
    const before = deliveryWindow(new Date('2026-11-19T22:30:00Z'), [1, 1])
    assert.equal(before.from.toISODate(), '2026-11-20')
  })
})

test.group('Delivery dates: wording', () => {
  test('a range within one month names the month once', ({ assert }) => {
    const window = deliveryWindow(day('2026-11-23'), [3, 4])
    assert.deepEqual(formatDeliveryWindow(window, 'fr'), {
      kind: 'range',
      from: 'jeudi 26',
      to: 'vendredi 27 novembre',
    })
    assert.deepEqual(formatDeliveryWindow(window, 'en'), {
      kind: 'range',
      from: 'Thursday 26',
      to: 'Friday 27 November',
    })
  })

  test('a range across months names both, and French writes the first "1er"', ({ assert }) => {
    const window = deliveryWindow(day('2026-11-27'), [1, 2])
    assert.deepEqual(formatDeliveryWindow(window, 'fr'), {
      kind: 'range',
      from: 'lundi 30 novembre',
      to: 'mardi 1er décembre',
    })
    assert.deepEqual(formatDeliveryWindow(window, 'en'), {
      kind: 'range',
      from: 'Monday 30 November',
      to: 'Tuesday 1 December',
    })
  })

  test('a range across years, over New Year’s Day', ({ assert }) => {
    const window = deliveryWindow(day('2026-12-30'), [1, 3])
    assert.deepEqual(formatDeliveryWindow(window, 'fr'), {
      kind: 'range',
      from: 'jeudi 31 décembre',
      to: 'mardi 5 janvier',
    })
  })

  test('one day when both ends meet', ({ assert }) => {
    const window = deliveryWindow(day('2026-11-20'), [1, 1])
    assert.deepEqual(formatDeliveryWindow(window, 'fr'), { kind: 'day', day: 'lundi 23 novembre' })
    assert.deepEqual(formatDeliveryWindow(window, 'en'), { kind: 'day', day: 'Monday 23 November' })
  })
})
