import { test } from '@japa/runner'
import {
  PENDING_SIGN_IN_MINUTES,
  RECOVERY_CODE_ALPHABET,
  REMEMBER_DEVICE_DAYS,
  acceptsStep,
  groupSecret,
  livePendingSignIn,
  pendingSignIn,
  readSecondFactor,
  recoveryCodeFrom,
  rememberDevice,
  remembersDevice,
  timeStep,
} from '#domain/two_factor'

const NOW = Date.UTC(2026, 10, 24, 14, 0, 15)
const DAY = 24 * 3_600_000

test.group('Two-factor: TOTP time steps', () => {
  test('a step lasts 30 seconds (RFC 6238)', ({ assert }) => {
    assert.equal(timeStep(0), 0)
    assert.equal(timeStep(29_999), 0)
    assert.equal(timeStep(30_000), 1)
    assert.equal(timeStep(59_000), 1)
  })

  test('a code of the current step or one either side is accepted', ({ assert }) => {
    const now = timeStep(NOW)
    assert.isTrue(acceptsStep(now, now, null))
    assert.isTrue(acceptsStep(now - 1, now, null))
    assert.isTrue(acceptsStep(now + 1, now, null))
    assert.isFalse(acceptsStep(now - 2, now, null))
    assert.isFalse(acceptsStep(now + 2, now, null))
  })

  test('a code is accepted once: its step, or an older one, is refused afterwards', ({
    assert,
  }) => {
    const now = timeStep(NOW)
    assert.isFalse(acceptsStep(now, now, now), 'replayed within its 30 seconds')
    assert.isFalse(acceptsStep(now - 1, now, now), 'an older code after a newer one')
    assert.isTrue(acceptsStep(now + 1, now, now), 'the next code')
  })
})

test.group('Two-factor: codes typed in', () => {
  test('six digits are an app code, spaces ignored', ({ assert }) => {
    assert.deepEqual(readSecondFactor(' 123 456 '), { kind: 'totp', code: '123456' })
  })

  test('ten letters and digits are a recovery code, dash and case ignored', ({ assert }) => {
    assert.deepEqual(readSecondFactor('ABCDE-23456'), { kind: 'recovery_code', code: 'abcde23456' })
  })

  test('anything else is refused before any lookup', ({ assert }) => {
    for (const input of ['', '12345', '1234567', 'abcde-2345', 'abcde-2345o', '12345a']) {
      assert.deepEqual(readSecondFactor(input), { kind: 'invalid' }, input)
    }
  })

  test('recovery codes read as two groups of five, without look-alike characters', ({ assert }) => {
    const code = recoveryCodeFrom([0, 1, 2, 3, 4, 5, 6, 7, 8, 30])
    assert.equal(code, '23456-789az')
    assert.notMatch(RECOVERY_CODE_ALPHABET, /[01ilo]/)
    assert.deepEqual(readSecondFactor(code), { kind: 'recovery_code', code: '23456789az' })
    assert.throws(() => recoveryCodeFrom([1, 2, 3]))
  })

  test('the secret is shown in groups of four for typing by hand', ({ assert }) => {
    assert.equal(groupSecret('JBSWY3DPEHPK3PXPJBSW'), 'JBSW Y3DP EHPK 3PXP JBSW')
  })
})

test.group('Two-factor: the pending sign-in', () => {
  test(`holds ${PENDING_SIGN_IN_MINUTES} minutes after the password`, ({ assert }) => {
    const pending = pendingSignIn(7, NOW)
    assert.deepEqual(livePendingSignIn(pending, NOW + 4 * 60_000), pending)
    assert.isNull(livePendingSignIn(pending, NOW + PENDING_SIGN_IN_MINUTES * 60_000))
  })

  test('anything else in the session is no pending sign-in', ({ assert }) => {
    for (const value of [null, undefined, 'x', {}, { adminUserId: '7', expiresAt: NOW + 1 }]) {
      assert.isNull(livePendingSignIn(value, NOW))
    }
  })
})

test.group('Two-factor: remembered devices', () => {
  const account = { adminUserId: 7, deviceKey: 'key-1', passwordFingerprint: 'pw-1' }

  test(`skip the second step for ${REMEMBER_DEVICE_DAYS} days`, ({ assert }) => {
    const claim = rememberDevice(account, NOW)
    assert.isTrue(remembersDevice(claim, account, NOW + 29 * DAY))
    assert.isFalse(remembersDevice(claim, account, NOW + 30 * DAY))
  })

  test('are bound to the account, its enrolment and its password', ({ assert }) => {
    const claim = rememberDevice(account, NOW)
    assert.isFalse(remembersDevice(claim, { ...account, adminUserId: 8 }, NOW))
    assert.isFalse(
      remembersDevice(claim, { ...account, deviceKey: 'key-2' }, NOW),
      're-enrolled or 2FA switched off'
    )
    assert.isFalse(
      remembersDevice(claim, { ...account, passwordFingerprint: 'pw-2' }, NOW),
      'password changed'
    )
  })

  test('refuse anything unreadable', ({ assert }) => {
    for (const claim of [null, 'key-1', { ...account }, { ...account, expiresAt: 'never' }]) {
      assert.isFalse(remembersDevice(claim, account, NOW))
    }
  })
})
