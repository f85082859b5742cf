import vine from '@vinejs/vine'
import { RETRY_AFTER, SECRET_PATTERN, parseAddressList } from '#domain/maintenance'

/**
 * An allow list typed in a textarea (or joined from `--allow` flags), reported
 * as one error on the field, naming the entries that are not addresses.
 */
const addressList = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const { invalid } = parseAddressList(value)
  if (invalid.length) {
    field.report('Not an IP address or range: {{ invalid }}', 'addressList', field, {
      invalid: invalid.join(', '),
    })
  }
})

/**
 * Maintenance options, shared by the admin page and `maintenance:on`.
 */
export const maintenanceValidator = vine.create({
  allowedIps: vine
    .string()
    .maxLength(4000)
    .use(addressList())
    .transform((value) => parseAddressList(value).addresses)
    .optional(),
  retryAfter: vine.number().withoutDecimals().range([RETRY_AFTER.min, RETRY_AFTER.max]).optional(),
  secret: vine.string().trim().regex(SECRET_PATTERN).optional(),
})
