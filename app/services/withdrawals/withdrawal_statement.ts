import { addDays } from '@comptoir/contracts/french_calendar'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import type { DateTime } from 'luxon'
import type { SellerIdentity } from '#domain/seller_identity'
import { parisDate } from '#domain/paris_time'
import type Order from '#models/order'
import OrderLine from '#models/order_line'
import Withdrawal from '#models/withdrawal'
import { formatCalendarDay } from '#support/calendar_days'
import type { Locale } from '#support/locale_paths'

/** Days the consumer has to send the goods back once he withdrew (W-16). */
const RETURN_DAYS = 14

/**
 * When a statement was made, to the second, in Paris: "mardi 10 mars 2026 à
 * 14:03:27" (WF-06: the acknowledgement gives its date and time).
 */
export function formatStatementTime(instant: DateTime, locale: Locale, withTime = true): string {
  if (!withTime) return formatCalendarDay(parisDate(instant), locale)
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'medium',
    timeZone: SHOP_TIME_ZONE,
  }).format(instant.toJSDate())
}

/** A withdrawal's units by the names the consumer saw. */
export async function statementLines(withdrawal: Withdrawal) {
  if (!withdrawal.$preloaded.lines) await withdrawal.load('lines')
  const lines = await OrderLine.query()
    .whereIn(
      'id',
      withdrawal.lines.map((line) => line.orderLineId)
    )
    .orderBy('position')
  return lines.map((line) => ({
    name: line.name,
    optionsLabel: line.optionsLabel,
    sku: line.sku,
    quantity: withdrawal.lines.find((entry) => entry.orderLineId === line.id)!.quantity,
  }))
}

/**
 * What the acknowledgement e-mail says (WF-06): the statement as made (who,
 * which order, which units, the reason if any), when it was made, and how
 * the goods go back (W-16), sent to the statement's e-mail. Without a
 * withdrawal named, the order's latest.
 */
export async function acknowledgementContent(
  order: Order,
  withdrawalId: number | undefined,
  locale: Locale,
  identity: SellerIdentity | null
): Promise<{ data: Record<string, unknown>; documents?: undefined; to?: string }> {
  const query = Withdrawal.query().where('order_id', order.id).preload('lines')
  const withdrawal = await (withdrawalId === undefined
    ? query.orderBy('id', 'desc').first()
    : query.where('id', withdrawalId).first())
  if (!withdrawal) return { data: { withdrawal: null } }
  const notifiedOn = withdrawal.notifiedOn.toISODate()!
  return {
    // To the address the consumer gave in his statement (WF-04, WF-06).
    to: withdrawal.email,
    data: {
      withdrawal,
      statement: {
        lines: await statementLines(withdrawal),
        sentAt: formatStatementTime(withdrawal.sentAt, locale, withdrawal.sentTimeKnown),
        placedOn: formatCalendarDay(parisDate(order.placedAt), locale),
        returnBy: formatCalendarDay(addDays(notifiedOn, RETURN_DAYS), locale),
      },
      returnAddress: identity
        ? [
            identity.companyName,
            ...identity.address.lines,
            `${identity.address.postalCode} ${identity.address.city}`,
          ]
        : [],
    },
  }
}
