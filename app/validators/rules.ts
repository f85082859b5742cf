import vine from '@vinejs/vine'
import { Money } from '#domain/money'

/**
 * A URL slug as merchants may type it: lowercase words joined by dashes.
 */
export const slugRule = () =>
  vine
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .maxLength(180)
    .optional()

/**
 * The password policy of every account, staff and shoppers alike: long rather
 * than complicated (ANSSI and NIST advice), and capped so that hashing cannot
 * be made to take forever.
 */
export const newPasswordRule = () => vine.string().minLength(12).maxLength(200)

/**
 * An amount in euros above zero, typed the French way ("10 000,00") or the
 * English way ("15.90"); reported as `euroAmount`.
 */
export const euroAmount = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const amount = Money.parse(value, 'EUR')
  if (!amount || amount.amount <= 0) field.report('Amount', 'euroAmount', field)
})
