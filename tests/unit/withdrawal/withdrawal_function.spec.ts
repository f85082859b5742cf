import { test } from '@japa/runner'
import { isWithdrawalFunctionRequired } from '#domain/withdrawal/withdrawal_function'

test.group('Online withdrawal function (WF-01)', () => {
  test('WF-01 / TC-20: required for an order concluded online on 19 Jun 2026, not on 18 Jun', ({
    assert,
  }) => {
    assert.isFalse(isWithdrawalFunctionRequired('2026-06-18'))
    assert.isTrue(isWithdrawalFunctionRequired('2026-06-19'))
  })

  test('WF-01: required for every later contract, not for earlier years', ({ assert }) => {
    assert.isTrue(isWithdrawalFunctionRequired('2027-01-01'))
    assert.isFalse(isWithdrawalFunctionRequired('2025-12-31'))
  })
})
