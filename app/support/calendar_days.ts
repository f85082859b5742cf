import type { DateTime } from 'luxon'

/**
 * A calendar day for shoppers, "lundi 23 mars 2026": legal and delivery dates
 * are days, not instants, so no time zone may move them.
 */
export function formatCalendarDay(date: string | DateTime, locale: string): string {
  const iso = typeof date === 'string' ? date : date.toISODate()!
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`))
}
