import { test } from '@japa/runner'
import {
  INACTIVE_ACCOUNT_WARNING_YEARS,
  PROSPECT_RETENTION_YEARS,
  canExtendRequest,
  contractRetentionEnd,
  dueCutoff,
  invoiceRetentionEnd,
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
    assert.equal(requestDeadlines('2026-01-31').dueOn, '2026-02-28')
    assert.equal(requestDeadlines('2028-01-31').dueOn, '2028-02-29')
    assert.equal(requestDeadlines('2026-12-15').dueOn, '2027-01-15')
    assert.equal(requestDeadlines('2026-03-31').dueOn, '2026-04-30')
  })

  test('TC-35 (R-05): a prospect last seen 1 Mar 2026 who never bought is purged on 1 Mar 2029', ({
    assert,
  }) => {
    // The sweep purges prospects last seen on or before the cutoff of its day.
    assert.equal(dueCutoff('2029-02-28', PROSPECT_RETENTION_YEARS), '2026-02-28')
    assert.equal(dueCutoff('2029-03-01', PROSPECT_RETENTION_YEARS), '2026-03-01')
  })

  test('TC-35 (R-04, I-06): invoices of 2026 are kept until the end of 2036, after an erasure too', ({
    assert,
  }) => {
    assert.equal(invoiceRetentionEnd('2026-01-02'), '2036-12-31')
    assert.equal(invoiceRetentionEnd('2026-12-31'), '2036-12-31')
    assert.equal(invoiceRetentionEnd('2027-01-01'), '2037-12-31')
  })

  test('R-05: an account unused since 10 Jun 2026 is warned on 10 Jun 2028', ({ assert }) => {
    assert.equal(dueCutoff('2028-06-09', INACTIVE_ACCOUNT_WARNING_YEARS), '2026-06-09')
    assert.equal(dueCutoff('2028-06-10', INACTIVE_ACCOUNT_WARNING_YEARS), '2026-06-10')
  })

  test('R-05: the query bound matches the rule, 29 February included', ({ assert }) => {
    // 29 Feb 2024 + 3 years is 28 Feb 2027: due that day, with the 28th; the 1st of March is not.
    assert.equal(dueCutoff('2027-02-28', 3), '2024-02-29')
    assert.equal(dueCutoff('2027-02-27', 3), '2024-02-27')
    assert.equal(dueCutoff('2028-02-29', 2), '2026-02-28')
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
