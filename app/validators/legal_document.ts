import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { timeZone } from '#config/app'
import { MAX_BODY_LENGTH } from '#domain/legal_documents'

export const legalDraftValidator = vine.create({
  bodyFr: vine.string().maxLength(MAX_BODY_LENGTH).optional(),
  bodyEn: vine.string().maxLength(MAX_BODY_LENGTH).optional(),
})

/**
 * A date-time field's value ("2026-07-01T08:00"), read as Paris time.
 */
function parisDateTime(value: string): DateTime {
  return DateTime.fromISO(value, { zone: timeZone })
}

const parisDateTimeRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) || !parisDateTime(value).isValid) {
    field.report('Not a date and time', 'parisDateTime', field)
  }
})

export const legalPublicationValidator = vine.create({
  effectiveAt: vine
    .string()
    .trim()
    .use(parisDateTimeRule())
    .transform((value) => parisDateTime(value).toJSDate())
    .optional(),
  draftChecksum: vine.string().regex(/^[0-9a-f]{64}$/),
})
