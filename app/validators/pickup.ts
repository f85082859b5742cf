import type { I18n } from '@adonisjs/i18n'
import vine from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { translatedMessages } from '#validators/translated_messages'

/**
 * Handing a click & collect order over: the code the customer shows, as
 * typed (OrderPickups reads "482 913" or "482913"), and, for an order paid
 * in store, the box staff tick once the money is received.
 */
export const handoverValidator = vine.create({
  code: vine.string().trim().maxLength(20),
  payment_received: vine.boolean().optional(),
})

/** Messages of the pickup forms (pickups.validator), then the shared ones. */
export function pickupFormMessages(i18n: I18n): MessagesProviderContact {
  return translatedMessages(i18n, 'pickups.validator')
}
