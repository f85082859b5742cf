import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import semver from 'semver'
import {
  ADVISORY_ID,
  PATCH_REFERENCE,
  SEVERITIES,
  isCalendarDay,
} from '#domain/security_advisories'

const semverRange = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && !semver.validRange(value)) {
    field.report('{{ field }} is not a semver range', 'semverRange', field)
  }
})

const semverVersion = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && !semver.valid(value)) {
    field.report('{{ field }} is not a semver version', 'semverVersion', field)
  }
})

const calendarDay = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && !isCalendarDay(value)) {
    field.report('{{ field }} is not a date (YYYY-MM-DD)', 'calendarDay', field)
  }
})

// ISO 8601 as the feed is stored and compared (Luxon), not all Date.parse takes.
const isoInstant = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    field.report('{{ field }} is not an ISO 8601 date and time', 'isoInstant', field)
  }
})

const text = () => vine.string().trim().minLength(1).maxLength(2000)

/**
 * The advisory feed, once its signature is verified: a signed feed that does
 * not have this shape is refused all the same (`security:feed:sign` checks it
 * before signing).
 */
export const securityFeedValidator = vine.create({
  generated: vine.string().use(isoInstant()),
  advisories: vine
    .array(
      vine.object({
        id: vine.string().regex(ADVISORY_ID),
        package: vine
          .string()
          .regex(/^[a-z0-9@][a-z0-9._/-]*$/)
          .maxLength(214),
        affected: vine.string().maxLength(500).use(semverRange()),
        fixed: vine.array(vine.string().use(semverVersion())).maxLength(50),
        severity: vine.enum(SEVERITIES),
        cvss: vine.number().range([0, 10]),
        summary: vine.object({ fr: text(), en: text() }),
        published: vine.string().use(calendarDay()),
        hotfix: vine.string().regex(PATCH_REFERENCE).maxLength(300).optional(),
      })
    )
    .maxLength(5000)
    .distinct('id'),
})
