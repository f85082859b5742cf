import { DateTime } from 'luxon'
import type { Locale } from '@comptoir/contracts/commerce'

/**
 * Estimated delivery dates: delays are working days, Monday to Friday except
 * French public holidays (the national ones; Alsace-Moselle's Good Friday and
 * 26 December are not counted). Dates are days in the shop's time zone.
 */

export const SHOP_TIME_ZONE = 'Europe/Paris'

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): DateTime {
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
  return DateTime.fromObject({ year, month, day }, { zone: SHOP_TIME_ZONE })
}

const FIXED_HOLIDAYS = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25']
const holidayCache = new Map<number, Set<string>>()

/** French public holidays of a year, as ISO dates ("2026-05-14"). */
export function frenchPublicHolidays(year: number): Set<string> {
  let holidays = holidayCache.get(year)
  if (!holidays) {
    const easter = easterSunday(year)
    holidays = new Set([
      ...FIXED_HOLIDAYS.map((day) => `${year}-${day}`),
      // Easter Monday, Ascension Thursday, Whit Monday.
      ...[1, 39, 50].map((days) => easter.plus({ days }).toISODate()!),
    ])
    holidayCache.set(year, holidays)
  }
  return holidays
}

export function isWorkingDay(day: DateTime) {
  return day.weekday <= 5 && !frenchPublicHolidays(day.year).has(day.toISODate()!)
}

/**
 * The day `days` working days after `from` (the day itself not counted):
 * Friday + 1 is Monday. Zero gives `from` when it is a working day, else the
 * next one.
 */
export function addWorkingDays(from: DateTime, days: number): DateTime {
  let day = from.setZone(SHOP_TIME_ZONE).startOf('day')
  if (days === 0) {
    while (!isWorkingDay(day)) day = day.plus({ days: 1 })
    return day
  }
  for (let counted = 0; counted < days;) {
    day = day.plus({ days: 1 })
    if (isWorkingDay(day)) counted++
  }
  return day
}

export interface DeliveryWindow {
  from: DateTime
  to: DateTime
}

/** When an order placed at `orderedAt` arrives, for a delay in working days. */
export function deliveryWindow(
  orderedAt: Date | DateTime,
  delayDays: readonly [min: number, max: number]
): DeliveryWindow {
  const ordered = orderedAt instanceof Date ? DateTime.fromJSDate(orderedAt) : orderedAt
  return { from: addWorkingDays(ordered, delayDays[0]), to: addWorkingDays(ordered, delayDays[1]) }
}

/**
 * A window as words for a sentence: one day ("jeudi 26 novembre"), or two
 * where the first drops the month both share ("jeudi 26" … "vendredi 27
 * novembre"). French writes the first of the month "1er".
 */
export type FormattedWindow =
  { kind: 'day'; day: string } | { kind: 'range'; from: string; to: string }

export function formatDeliveryWindow(window: DeliveryWindow, locale: Locale): FormattedWindow {
  const to = formatDay(window.to, locale, true)
  if (window.from.hasSame(window.to, 'day')) return { kind: 'day', day: to }
  const withMonth = !window.from.hasSame(window.to, 'month')
  return { kind: 'range', from: formatDay(window.from, locale, withMonth), to }
}

function formatDay(day: DateTime, locale: Locale, withMonth: boolean) {
  const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: withMonth ? 'long' : undefined,
    timeZone: SHOP_TIME_ZONE,
  })
  return format
    .formatToParts(day.toJSDate())
    .map((part) =>
      part.type === 'day' && part.value === '1' && locale === 'fr' ? '1er' : part.value
    )
    .join('')
}
