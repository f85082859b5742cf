import type { Locale } from '@comptoir/contracts/commerce'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import { type OpeningHours, WEEKDAYS } from '#src/opening_hours'
import type { PickupSlot } from '#src/pickup_slots'

/**
 * Dates and hours as shoppers read them, in the page's language and the
 * shop's time zone, with Intl.
 */

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB')

/** "jeudi 26 novembre à 14:00" / "Thursday 26 November at 14:00". */
export function formatReadyAt(date: Date, locale: Locale) {
  return new Intl.DateTimeFormat(tag(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: SHOP_TIME_ZONE,
  }).format(date)
}

/** "jeudi 26 novembre" / "Thursday 26 November". */
export function formatDay(date: Date, locale: Locale) {
  return new Intl.DateTimeFormat(tag(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: SHOP_TIME_ZONE,
  }).format(date)
}

/** "14:00". */
export function formatTime(date: Date, locale: Locale) {
  return new Intl.DateTimeFormat(tag(locale), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: SHOP_TIME_ZONE,
  }).format(date)
}

/** The weekdays of the opening hours table, Monday first, with their hours ("09:30–12:30"). */
export function openingHoursRows(hours: OpeningHours, locale: Locale) {
  const names = new Intl.DateTimeFormat(tag(locale), { weekday: 'long', timeZone: 'UTC' })
  return WEEKDAYS.map((day, index) => ({
    // 5 January 1970 was a Monday.
    day: names.format(new Date(Date.UTC(1970, 0, 5 + index))),
    intervals: (hours[day] ?? []).map(([open, close]) => `${open}–${close}`),
  }))
}

/** Slots grouped by day, in order. */
export function slotsByDay(slots: readonly PickupSlot[], locale: Locale) {
  const days: { day: string; times: { start: string; end: string; iso: string }[] }[] = []
  for (const slot of slots) {
    const day = formatDay(slot.start, locale)
    if (days.at(-1)?.day !== day) days.push({ day, times: [] })
    days.at(-1)!.times.push({
      start: formatTime(slot.start, locale),
      end: formatTime(slot.end, locale),
      iso: slot.start.toISOString(),
    })
  }
  return days
}
