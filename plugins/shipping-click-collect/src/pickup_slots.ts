import { DateTime } from 'luxon'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import { type OpeningHours, intervalsOn } from '#src/opening_hours'

/**
 * Pickup time slots of a store, free of any framework but luxon. Each opening
 * interval is cut into slots of the store's length from its opening time; a
 * slot that would run past closing is not offered (09:30–12:30 in 45 minutes
 * gives 09:30, 10:15, 11:00, 11:45). A slot is offered when:
 * - it starts once the order is ready: at or after now plus the preparation
 *   delay (the shopper never comes before the order is prepared);
 * - it has room left: the capacity per slot minus the pickups already booked
 *   for that slot start.
 * Days are the shop's days (Europe/Paris), from today.
 */

export interface SlotRules {
  readonly hours: OpeningHours
  readonly preparationHours: number
  readonly slotMinutes: number
  /** Pickups one slot can take. */
  readonly slotCapacity: number
}

/** Pickups already booked for the slot starting at `start`. */
export interface SlotBooking {
  readonly start: Date
  readonly count: number
}

export interface PickupSlot {
  readonly start: Date
  readonly end: Date
  /** Pickups the slot can still take, at least 1. */
  readonly remaining: number
}

/** The slots open to a new pickup over `days` days from today (today counts as one). */
export function pickupSlots(
  rules: SlotRules,
  bookings: readonly SlotBooking[],
  now: Date,
  days: number
): PickupSlot[] {
  if (rules.slotMinutes <= 0 || rules.slotCapacity <= 0) return []
  const booked = new Map<number, number>()
  for (const booking of bookings) {
    const time = booking.start.getTime()
    booked.set(time, (booked.get(time) ?? 0) + booking.count)
  }
  const earliest = DateTime.fromJSDate(now).plus({ hours: rules.preparationHours })
  const today = DateTime.fromJSDate(now).setZone(SHOP_TIME_ZONE).startOf('day')

  const slots: PickupSlot[] = []
  for (let offset = 0; offset < days; offset++) {
    for (const { open, close } of intervalsOn(rules.hours, today.plus({ days: offset }))) {
      for (
        let start = open, end = open.plus({ minutes: rules.slotMinutes });
        end <= close;
        start = end, end = end.plus({ minutes: rules.slotMinutes })
      ) {
        if (start < earliest) continue
        const remaining = rules.slotCapacity - (booked.get(start.toMillis()) ?? 0)
        if (remaining > 0) slots.push({ start: start.toJSDate(), end: end.toJSDate(), remaining })
      }
    }
  }
  return slots
}
