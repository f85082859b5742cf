import vine from '@vinejs/vine'

/**
 * A list that must hold at least one entry. The error is reported under a rule
 * named by its translation key in resources/lang/{fr,en}/payment-pay-in-store.json;
 * the English text is VineJS's fallback when no translation is found.
 */
export const notEmptyList = vine.createRule((value, _options, field) => {
  if (Array.isArray(value) && value.length === 0) {
    field.report(
      'The {{ field }} field needs at least one line.',
      'payment-pay-in-store.errors.list_empty',
      field
    )
  }
})
