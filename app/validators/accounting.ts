import type { I18n } from '@adonisjs/i18n'
import vine from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { translatedMessages } from '#validators/translated_messages'

const day = () => vine.date({ formats: ['YYYY-MM-DD'] })

/** The period of the sales and VAT journal: Paris days, both included. */
export const journalValidator = vine.create({
  from: day(),
  to: day().afterOrSameAs('from'),
})

/** Messages of the journal form (invoices.accounting.validator), then the shared ones. */
export function journalMessages(i18n: I18n): MessagesProviderContact {
  return translatedMessages(i18n, 'invoices.accounting.validator')
}
