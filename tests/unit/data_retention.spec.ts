import { test } from '@japa/runner'
import {
  addMonths,
  canExtendRequest,
  contractRetentionEnd,
  dueCutoff,
  inactivityWarningDate,
  invoiceRetentionEnd,
  isDue,
  prospectPurgeDate,
  requestDeadlines,
  requiresContractArchive,
} from '#domain/data_retention'

test.group('Data retention and request deadlines (rules)', () => {
  test('TC-34 (R-03): a request received on 2 Mar 2026 is due 2 Apr, or 2 Jun when extended', ({
    assert,
  }) => {
    assert.deepEqual(requestDeadlines('2026-03-02'), {
      dueOn: '2026-04-02',
      extendedDueOn: '2026-06-02',
    })
  })

  test('TC-34 (R-03): the extension holds only if notified within the first month', ({
    assert,
  }) => {
    assert.isTrue(canExtendRequest('2026-03-02', '2026-03-20'))
    assert.isTrue(canExtendRequest('2026-03-02', '2026-04-02'))
    assert.isFalse(canExtendRequest('2026-03-02', '2026-04-03'))
  })

  test('R-03: a month after the 31st ends on the last day of a shorter month', ({ assert }) => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28')
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29')
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15')
    assert.equal(requestDeadlines('2026-03-31').dueOn, '2026-04-30')
  })

  test('TC-35 (R-05): a prospect last seen 1 Mar 2026 who never bought is purged on 1 Mar 2029', ({
    assert,
  }) => {
    assert.equal(prospectPurgeDate('2026-03-01'), '2029-03-01')
    assert.isFalse(isDue('2026-03-01', '2029-02-28', prospectPurgeDate))
    assert.isTrue(isDue('2026-03-01', '2029-03-01', prospectPurgeDate))
  })

  test('TC-35 (R-04, I-06): invoices of 2026 are kept until the end of 2036, after an erasure too', ({
    assert,
  }) => {
    assert.equal(invoiceRetentionEnd('2026-01-02'), '2036-12-31')
    assert.equal(invoiceRetentionEnd('2026-12-31'), '2036-12-31')
    assert.equal(invoiceRetentionEnd('2027-01-01'), '2037-12-31')
  })

  test('R-05: an account unused since 10 Jun 2026 is warned on 10 Jun 2028', ({ assert }) => {
    assert.equal(inactivityWarningDate('2026-06-10'), '2028-06-10')
  })

  test('R-05: the query bound matches the rule, 29 February included', ({ assert }) => {
    assert.equal(dueCutoff('2029-03-01', 3), '2026-03-01')
    // 29 Feb 2024 + 3 years is 28 Feb 2027: due that day.
    assert.equal(prospectPurgeDate('2024-02-29'), '2027-02-28')
    assert.equal(dueCutoff('2027-02-28', 3), '2024-02-29')
    for (const start of ['2024-02-28', '2024-02-29', '2024-03-01']) {
      assert.equal(
        start <= dueCutoff('2027-02-28', 3),
        isDue(start, '2027-02-28', prospectPurgeDate),
        start
      )
    }
  })

  test('TC-36 (P-09): an order of €120.00 is archived, one of €119.99 is not', ({ assert }) => {
    assert.isFalse(requiresContractArchive({ amount: 11_999, currency: 'EUR' }))
    assert.isTrue(requiresContractArchive({ amount: 12_000, currency: 'EUR' }))
    // Another currency is archived rather than converted.
    assert.isTrue(requiresContractArchive({ amount: 100, currency: 'CHF' }))
  })

  test('P-09: ten years from conclusion, or from a later delivery', ({ assert }) => {
    assert.equal(contractRetentionEnd('2026-03-02', null), '2036-03-02')
    assert.equal(contractRetentionEnd('2026-03-02', '2026-03-05'), '2036-03-05')
    assert.equal(contractRetentionEnd('2026-03-02', '2026-03-02'), '2036-03-02')
  })
})
