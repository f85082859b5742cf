import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { deliveryWindow, formatDeliveryWindow } from '#src/delivery_dates'

/** A day in Paris, from its ISO date. */
function day(iso: string) {
  return DateTime.fromISO(iso, { zone: 'Europe/Paris' })
}

test.group('Delivery dates: the order day', () => {
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
