import { DateTime } from 'luxon'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'

/**
 * A store's opening hours and when an order is ready there. Hours are wall
 * clock times in the shop's time zone (Europe/Paris), per weekday; each
 * interval opens at its first time (included) and closes at its second
 * (excluded). Free of any framework but luxon.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** ["09:30", "12:30"]: open from 09:30, closed from 12:30. */
export type Interval = readonly [open: string, close: string]

/** A missing or empty day is closed. */
export type OpeningHours = Partial<Record<Weekday, readonly Interval[]>>

/** How far ahead a next opening is looked for: beyond it, the store is taken as closed. */
export const HORIZON_DAYS = 14

/** "09:30" as minutes after midnight; "24:00" is the end of the day. */
export function toMinutes(time: string) {
  const [hours, minutes] = time.split(':').map(Number)
  return hours * 60 + minutes
}

function toTime(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

export type DayHoursResult =
  { valid: true; intervals: Interval[] } | { valid: false; problem: 'format' | 'order' | 'overlap' }

const TIME = String.raw`(\d{1,2})(?:[:hH](\d{2}))?[hH]?`
const RANGE = new RegExp(String.raw`^${TIME}\s*[-–—]\s*${TIME}$`)

/**
 * One day's hours as the merchant types them: "9h30-12h30, 14h-19h",
 * "09:30-12:30 / 14:00-19:00"; empty (or "fermé", "closed") for a closed day.
 * Ranges must each close after they open and follow each other without
 * overlapping; they come back sorted and written "09:30".
 */
export function parseDayHours(text: string): DayHoursResult {
  const trimmed = text.trim()
  if (!trimmed || /^(fermé|ferme|closed)$/i.test(trimmed)) return { valid: true, intervals: [] }
  const ranges: [number, number][] = []
  for (const part of trimmed.split(/\s*[,;/]\s*/)) {
    const match = RANGE.exec(part)
    if (!match) return { valid: false, problem: 'format' }
    const [open, close] = [minutesOf(match[1], match[2]), minutesOf(match[3], match[4])]
    if (open === null || close === null) return { valid: false, problem: 'format' }
    if (close <= open) return { valid: false, problem: 'order' }
    ranges.push([open, close])
  }
  ranges.sort((a, b) => a[0] - b[0])
  for (let index = 1; index < ranges.length; index++) {
    if (ranges[index][0] < ranges[index - 1][1]) return { valid: false, problem: 'overlap' }
  }
  return { valid: true, intervals: ranges.map(([open, close]) => [toTime(open), toTime(close)]) }
}

function minutesOf(hours: string, minutes = '00') {
  const total = Number(hours) * 60 + Number(minutes)
  return Number(minutes) < 60 && total <= 24 * 60 ? total : null
}

/** One day's intervals as the admin form shows them: "09:30-12:30, 14:00-19:00". */
export function formatDayHours(intervals: readonly Interval[] | undefined) {
  return (intervals ?? []).map(([open, close]) => `${open}-${close}`).join(', ')
}

/** Whether a store opens at least once a week. */
export function opensAtAll(hours: OpeningHours) {
  return WEEKDAYS.some((day) => (hours[day]?.length ?? 0) > 0)
}

/** A day's intervals as instants, in order ("day" is any time on that day in Paris). */
export function intervalsOn(
  hours: OpeningHours,
  day: DateTime
): { open: DateTime; close: DateTime }[] {
  const start = day.setZone(SHOP_TIME_ZONE).startOf('day')
  // Built from wall-clock parts, so a day with a clock change keeps its hours.
  const at = (minutes: number) =>
    minutes === 24 * 60
      ? start.plus({ days: 1 })
      : start.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
  return (hours[WEEKDAYS[start.weekday - 1]] ?? []).map(([open, close]) => ({
    open: at(toMinutes(open)),
    close: at(toMinutes(close)),
  }))
}

/**
 * The first instant at or after `from` when the store is open: `from` itself
 * when open then, else the next opening time. Null when it does not open in
 * the next HORIZON_DAYS days.
 */
export function nextOpenInstant(hours: OpeningHours, from: DateTime): DateTime | null {
  const start = from.setZone(SHOP_TIME_ZONE)
  for (let offset = 0; offset <= HORIZON_DAYS; offset++) {
    for (const { open, close } of intervalsOn(hours, start.plus({ days: offset }))) {
      if (start < close) return start < open ? open : start
    }
  }
  return null
}

/**
 * When an order placed at `now` is ready in a store: `now` plus the store's
 * preparation delay (hours around the clock), moved to the next opening time
 * when the store is closed then. Null for a store that does not open within
 * the horizon.
 */
export function readyAt(
  store: { hours: OpeningHours; preparationHours: number },
  now: Date
): Date | null {
  const prepared = DateTime.fromJSDate(now).plus({ hours: store.preparationHours })
  return nextOpenInstant(store.hours, prepared)?.toJSDate() ?? null
}
