import { DateTime } from 'luxon'
import type { Locale } from '@comptoir/contracts/commerce'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import { addWorkingDays } from '@comptoir/contracts/french_calendar'

/**
 * Estimated delivery dates: delays are working days of the shop's calendar
 * (weekends and French public holidays skipped, counted the core's way),
 * dates are days in the shop's time zone.
 */

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
  const orderDay = ordered.setZone(SHOP_TIME_ZONE).toISODate()!
  const day = (delay: number) =>
    DateTime.fromISO(addWorkingDays(orderDay, delay), { zone: SHOP_TIME_ZONE })
  return { from: day(delayDays[0]), to: day(delayDays[1]) }
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
