import { test } from '@japa/runner'
import { effectiveWithdrawalException, isWithdrawable } from '#domain/withdrawal_exceptions'

test.group('Withdrawal exceptions', () => {
  test('W-18: a variant override wins over its product (engraved model is custom-made)', ({
    assert,
  }) => {
    const engraved = effectiveWithdrawalException('none', 'custom_made')
    assert.equal(engraved, 'custom_made')
    assert.isFalse(isWithdrawable(engraved))
  })

  test('W-18: without an override the product exception applies', ({ assert }) => {
    assert.equal(effectiveWithdrawalException('perishable', null), 'perishable')
    assert.isTrue(isWithdrawable(effectiveWithdrawalException('none', null)))
  })
})
