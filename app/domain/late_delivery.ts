import { addWorkingDays, type HolidayCalendar } from '@comptoir/contracts/french_calendar'

/**
 * Late deliveries (LEGAL.md D-01, D-02), on Paris calendar days
 * ("2026-03-10"): an order is late once the last day of its estimate has
 * passed, and the new estimate counts the delivery method's longest delay
 * again, in working days, from today.
 */

/** Whether the promised day (`estimatedTo`) is over on `today`. */
export function isDeliveryLate(estimatedTo: string, today: string): boolean {
  return estimatedTo < today
}

/**
 * The new last day of delivery: the method's longest delay counted again from
 * today, as checkout counted it from the order's day; at least one working
 * day, since the shop finds out about the delay today.
 */
export function revisedDeliveryDate(
  today: string,
  delayDays: readonly [number, number],
  calendar: HolidayCalendar = 'national'
): string {
  return addWorkingDays(today, Math.max(delayDays[1], 1), calendar)
}
