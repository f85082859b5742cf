import vine from '@vinejs/vine'
import { normalizeBic, isValidBic } from '#src/bic'
import { checkIban } from '#src/iban'

/**
 * Rules of the IBAN and BIC settings. Each error is reported under a rule
 * named by its translation key in resources/lang/{fr,en}/payment-bank-transfer.json;
 * the English text here is VineJS's fallback when no translation is found.
 * A valid value is stored normalised (upper case, no spaces).
 */
const IBAN_MESSAGES = {
  format:
    'The {{ field }} field must be an IBAN: country code, two check digits, then the account number.',
  country: 'The {{ field }} field must be the IBAN of an account in the SEPA area.',
  length: 'The {{ field }} field does not have the length of an IBAN of its country.',
  checksum: 'The {{ field }} field is not a valid IBAN: its check digits do not match.',
}

export const iban = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const result = checkIban(value)
  if (!result.valid) {
    field.report(
      IBAN_MESSAGES[result.problem],
      `payment-bank-transfer.errors.iban_${result.problem}`,
      field
    )
    return
  }
  field.mutate(result.iban, field)
})

export const bic = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!isValidBic(value)) {
    field.report(
      'The {{ field }} field must be a BIC of 8 or 11 letters and digits.',
      'payment-bank-transfer.errors.bic',
      field
    )
    return
  }
  field.mutate(normalizeBic(value), field)
})
