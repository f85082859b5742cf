import { DateTime } from 'luxon'
import { timeZone } from '#config/app'
import LegalDocumentVersion from '#models/legal_document_version'
import PromotionRule from '#models/promotion_rule'
import { sqlTimestamp } from '#support/sql_timestamp'

/**
 * When storefront pages change by themselves, with nobody saving anything:
 * the nearest start or end of a promotion (soldes included), a legal
 * document version coming into force, or midnight in the shop's time zone
 * (delivery dates a plugin shows count from today). A page cached now is
 * fresh until then.
 */
export async function nextScheduledChange(now: DateTime = DateTime.now()): Promise<Date> {
  const at = sqlTimestamp(now)
  const [starting, ending, legal] = await Promise.all([
    PromotionRule.query().where('starts_at', '>', at).orderBy('starts_at').first(),
    PromotionRule.query().where('ends_at', '>', at).orderBy('ends_at').first(),
    LegalDocumentVersion.query().where('effective_at', '>', at).orderBy('effective_at').first(),
  ])
  const midnight = now.setZone(timeZone).startOf('day').plus({ days: 1 })
  const instants = [starting?.startsAt, ending?.endsAt, legal?.effectiveAt, midnight]
    .filter((instant): instant is DateTime => Boolean(instant))
    .map((instant) => instant.toMillis())
  return new Date(Math.min(...instants))
}
