import { test } from '@japa/runner'
import { formatAmount, formatShopDateTime } from '@comptoir/contracts/formatting'

/** Intl separates thousands and currency with no-break spaces. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

test.group('Contracts: amounts and dates for shoppers', () => {
  test('formats integer cents exactly, with thousands and negatives', ({ assert }) => {
    const format = (amount: number, locale: 'fr' | 'en') =>
      plainSpaces(formatAmount({ amount, currency: 'EUR' }, locale))
    assert.equal(format(123456789, 'fr'), '1 234 567,89 €')
    assert.equal(format(123456789, 'en'), '€1,234,567.89')
    assert.equal(format(5, 'fr'), '0,05 €')
    assert.equal(formatAmount({ amount: 0, currency: 'EUR' }, 'en'), '€0.00')
    assert.equal(formatAmount({ amount: -1999, currency: 'EUR' }, 'en'), '-€19.99')
    // 0.1 + 0.2 style float drift cannot happen: 30 cents stay 30 cents.
    assert.equal(formatAmount({ amount: 30, currency: 'EUR' }, 'en'), '€0.30')
  })

  test('formats instants in Paris time, summer and winter', ({ assert }) => {
    const format = (iso: string) => plainSpaces(formatShopDateTime(new Date(iso), 'fr'))
    assert.equal(format('2026-07-14T08:00:00Z'), '14 juillet 2026 à 10:00')
    assert.equal(format('2026-01-15T08:00:00Z'), '15 janvier 2026 à 09:00')
  })
})
