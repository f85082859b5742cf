import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { OpeningHours } from '#src/opening_hours'
import { type PickupSlot, type SlotRules, pickupSlots } from '#src/pickup_slots'
import { paris } from '#tests/helpers/stores'

/** Slots as "2026-11-24 09:30-10:15 (4)", Paris time. */
function described(slots: PickupSlot[]) {
  const at = (date: Date) => DateTime.fromJSDate(date).setZone('Europe/Paris')
  return slots.map(
    (slot) =>
      `${at(slot.start).toFormat('yyyy-MM-dd HH:mm')}-${at(slot.end).toFormat('HH:mm')} (${slot.remaining})`
  )
}

const tuesday: OpeningHours = {
  tue: [
    ['09:30', '12:30'],
    ['14:00', '15:00'],
  ],
}
const rules = (overrides: Partial<SlotRules> = {}): SlotRules => ({
  hours: tuesday,
  preparationHours: 0,
  slotMinutes: 45,
  slotCapacity: 4,
  ...overrides,
})
// Monday 23 November 2026, 08:00 in Paris.
const monday = paris('2026-11-23T08:00')

test.group('Pickup slots', () => {
  test('cut each opening range from its start, dropping a slot that would run past closing', ({
    assert,
  }) => {
    assert.deepEqual(described(pickupSlots(rules(), [], monday, 2)), [
      '2026-11-24 09:30-10:15 (4)',
      '2026-11-24 10:15-11:00 (4)',
      '2026-11-24 11:00-11:45 (4)',
      '2026-11-24 11:45-12:30 (4)',
      '2026-11-24 14:00-14:45 (4)',
    ])
  })

  test('start once the order is ready, never before', ({ assert }) => {
    // Tuesday 08:00 + 3 h = 11:00: the 11:00 slot is the first.
    const slots = pickupSlots(rules({ preparationHours: 3 }), [], paris('2026-11-24T08:00'), 1)
    assert.deepEqual(described(slots), [
      '2026-11-24 11:00-11:45 (4)',
      '2026-11-24 11:45-12:30 (4)',
      '2026-11-24 14:00-14:45 (4)',
    ])
    // Ready at 11:01: the 11:00 slot starts too early.
    const later = pickupSlots(rules({ preparationHours: 3 }), [], paris('2026-11-24T08:01'), 1)
    assert.equal(described(later)[0], '2026-11-24 11:45-12:30 (4)')
  })

  test('take the capacity minus the pickups booked; a full slot is not offered', ({ assert }) => {
    const bookings = [
      { start: paris('2026-11-24T09:30'), count: 4 },
      { start: paris('2026-11-24T10:15'), count: 1 },
      { start: paris('2026-11-24T10:15'), count: 2 },
      { start: paris('2026-11-24T14:00'), count: 6 },
      // Not a slot start: counts for no slot.
      { start: paris('2026-11-24T10:30'), count: 4 },
    ]
    assert.deepEqual(described(pickupSlots(rules(), bookings, monday, 2)), [
      '2026-11-24 10:15-11:00 (1)',
      '2026-11-24 11:00-11:45 (4)',
      '2026-11-24 11:45-12:30 (4)',
    ])
  })

  test('cover the given number of days from today, today included', ({ assert }) => {
    const everyDay = { mon: [['10:00', '11:00']], tue: [['10:00', '11:00']] } as OpeningHours
    const hourly = rules({ hours: everyDay, slotMinutes: 60 })
    assert.deepEqual(described(pickupSlots(hourly, [], monday, 1)), ['2026-11-23 10:00-11:00 (4)'])
    assert.deepEqual(described(pickupSlots(hourly, [], monday, 9)), [
      '2026-11-23 10:00-11:00 (4)',
      '2026-11-24 10:00-11:00 (4)',
      '2026-11-30 10:00-11:00 (4)',
      '2026-12-01 10:00-11:00 (4)',
    ])
    assert.deepEqual(pickupSlots(hourly, [], monday, 0), [])
  })

  test('keep wall-clock times on the day the clocks change', ({ assert }) => {
    const sunday = rules({ hours: { sun: [['10:00', '11:00']] }, slotMinutes: 30 })
    const slots = pickupSlots(sunday, [], paris('2026-03-29T00:30'), 1)
    assert.deepEqual(described(slots), ['2026-03-29 10:00-10:30 (4)', '2026-03-29 10:30-11:00 (4)'])
    assert.equal(slots[0].start.toISOString(), '2026-03-29T08:00:00.000Z')
  })

  test('none for a store never open, or without length or capacity', ({ assert }) => {
    assert.deepEqual(pickupSlots(rules({ hours: {} }), [], monday, 7), [])
    assert.deepEqual(pickupSlots(rules({ slotMinutes: 0 }), [], monday, 7), [])
    assert.deepEqual(pickupSlots(rules({ slotCapacity: 0 }), [], monday, 7), [])
  })
})
