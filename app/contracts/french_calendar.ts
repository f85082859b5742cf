/**
 * French public holidays (Code du travail L3133-1) and working days, on plain
 * calendar dates ("2026-05-25"): legal dates and delivery estimates are Paris
 * calendar days, so callers convert instants to a Paris date first (LEGAL.md
 * §0). Alsace-Moselle adds Good Friday and 26 December. Shared by the core
 * (delivery estimates, withdrawal deadlines) and plugins (shipping delays), so
 * the shop counts days one way.
 */
export type HolidayCalendar = 'national' | 'alsace_moselle'

export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = ['national', 'alsace_moselle']

const DAY_MS = 86_400_000

/** A calendar date as days since 1970-01-01, so arithmetic never meets a time zone. */
function toDayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`)
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days)
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: string): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay()
}

/**
 * Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus/Jones/Butcher).
 */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The year's public holidays, sorted.
 */
export function publicHolidays(year: number, calendar: HolidayCalendar = 'national'): string[] {
  const easter = easterSunday(year)
  const fixed = (monthDay: string) => `${year}-${monthDay}`
  const days = [
    fixed('01-01'),
    addDays(easter, 1),
    fixed('05-01'),
    fixed('05-08'),
    addDays(easter, 39),
    addDays(easter, 50),
    fixed('07-14'),
    fixed('08-15'),
    fixed('11-01'),
    fixed('11-11'),
    fixed('12-25'),
  ]
  if (calendar === 'alsace_moselle') days.push(addDays(easter, -2), fixed('12-26'))
  return days.sort()
}

const holidayCache = new Map<string, Set<string>>()

function holidaysOf(year: number, calendar: HolidayCalendar): Set<string> {
  const key = `${calendar}:${year}`
  let holidays = holidayCache.get(key)
  if (!holidays) {
    holidays = new Set(publicHolidays(year, calendar))
    holidayCache.set(key, holidays)
  }
  return holidays
}

/**
 * A jour ouvrable in the sense of Reg. 1182/71: neither a weekend day nor a
 * public holiday.
 */
export function isWorkingDay(date: string, calendar: HolidayCalendar = 'national'): boolean {
  const day = weekday(date)
  if (day === 0 || day === 6) return false
  return !holidaysOf(Number(date.slice(0, 4)), calendar).has(date)
}

/** The date itself when it is a working day, else the next one. */
export function nextWorkingDayFrom(date: string, calendar: HolidayCalendar = 'national'): string {
  let current = date
  while (!isWorkingDay(current, calendar)) current = addDays(current, 1)
  return current
}

/**
 * The working day `count` working days after `date`, the day itself not
 * counted: Friday + 1 is Monday, and so is Saturday + 1. Zero gives `date`
 * when it is a working day, else the next one.
 */
export function addWorkingDays(
  date: string,
  count: number,
  calendar: HolidayCalendar = 'national'
): string {
  if (count === 0) return nextWorkingDayFrom(date, calendar)
  let current = date
  for (let counted = 0; counted < count;) {
    current = addDays(current, 1)
    if (isWorkingDay(current, calendar)) counted++
  }
  return current
}

/** Calendar days from `from` to `to`: 1 from a day to the next, negative backwards. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from)
}

/**
 * The same date `months` later, or the month's last day when it has no such
 * date (Reg. 1182/71 art. 3(2)(c)): 29 Feb 2028 + 12 months is 28 Feb 2029.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Expected whole months, got ${months}`)
  const [year, month, day] = fromDayNumber(toDayNumber(date)).split('-').map(Number)
  // Day 0 of the month after the target month is the target month's last day.
  const lastDay = new Date(Date.UTC(year, month + months, 0)).getUTCDate()
  return fromDayNumber(Date.UTC(year, month - 1 + months, Math.min(day, lastDay)) / DAY_MS)
}
