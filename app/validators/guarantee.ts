import type { I18n } from '@adonisjs/i18n'
import vine from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { ALTERNATIVES, CLAIM_STATUSES, REMEDIES } from '#domain/guarantee'
import { translatedMessages } from '#validators/translated_messages'

/**
 * A defect reported under the legal guarantee (G-03): the units of each
 * delivered parcel concerned (ticked, with how many: one unless told),
 * what is wrong, and the remedy the consumer chooses.
 */
export const defectReportValidator = vine.create({
  lines: vine
    .array(
      vine.object({
        shipment_id: vine.number().positive().withoutDecimals(),
        order_line_id: vine.number().positive().withoutDecimals(),
        selected: vine.boolean().optional(),
        quantity: vine.number().withoutDecimals().range([1, 100_000]).optional(),
      })
    )
    .maxLength(500),
  description: vine.string().trim().minLength(3).maxLength(2000),
  preferred_remedy: vine.enum(REMEDIES),
})

/** The back-office list, by status. */
export const claimListValidator = vine.create({
  status: vine.enum(CLAIM_STATUSES).optional(),
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})

/** A refusal, justified in writing (C. conso L217-12), and what is offered instead. */
export const claimRefusalValidator = vine.create({
  reason: vine.string().trim().minLength(3).maxLength(1000),
  alternative: vine.enum(ALTERNATIVES),
})

/** Closing a claim unresolved, with a word for the customer if staff want. */
export const claimClosingValidator = vine.create({
  note: vine.string().trim().maxLength(1000).optional(),
})

/** Messages of the guarantee forms (guarantee.validator), then the shared ones. */
export function guaranteeFormMessages(i18n: I18n): MessagesProviderContact {
  return translatedMessages(i18n, 'guarantee.validator')
}
