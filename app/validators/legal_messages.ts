import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { translatedMessages } from '#validators/translated_messages'

/** Messages of the legal forms (legal.validator), then the shared ones. */
export function legalMessages(i18n: I18n): MessagesProviderContact {
  return translatedMessages(i18n, 'legal.validator')
}
