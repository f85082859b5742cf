import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'

/**
 * Legal dates are Paris calendar days and wall-clock times (LEGAL.md §0),
 * instants are UTC. The app's one pair of conversions, with Intl only, so
 * pure rules need no date library.
 */

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHOP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function wallClock(instant: Date) {
  const fields = Object.fromEntries(
    parts.formatToParts(instant).map((part) => [part.type, part.value])
  )
  return {
    date: `${fields.year}-${fields.month}-${fields.day}`,
    utcMs: Date.UTC(
      Number(fields.year),
      Number(fields.month) - 1,
      Number(fields.day),
      Number(fields.hour),
      Number(fields.minute),
      Number(fields.second)
    ),
  }
}

/**
 * The Paris calendar day of an instant: "2026-01-07", for a Date or a
 * Luxon DateTime.
 */
export function parisDate(instant: Date | { toJSDate(): Date }): string {
  return wallClock(instant instanceof Date ? instant : instant.toJSDate()).date
}

/**
 * The instant Paris clocks show `date` at `hour:minute`. On the autumn
 * change the earlier of the two instants; in the spring gap, the hour after.
 */
export function parisInstant(date: string, hour = 0, minute = 0): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`)
  const wanted = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hour, minute)
  // Paris is UTC+1 or UTC+2: correct the guess by the offset found there, twice
  // so a guess on the other side of a clock change settles.
  let guess = wanted - 3_600_000
  for (let pass = 0; pass < 2; pass++) {
    const offset = wallClock(new Date(guess)).utcMs - guess
    guess = wanted - offset
  }
  return new Date(guess)
}
