import { test } from '@japa/runner'
import { lineEligibility } from '#domain/withdrawal/line_eligibility'

test.group('Withdrawable lines (W-18)', () => {
  test('W-18 / TC-16: engraved ring, exception shown before the order → excluded, not offered', ({
    assert,
  }) => {
    assert.deepEqual(lineEligibility({ exception: 'custom_made', shownBeforeOrder: true }), {
      verdict: 'excluded',
      exception: 'custom_made',
    })
  })

  test('W-18 / TC-17: same ring, exception never shown → withdrawable, flagged as a legal risk', ({
    assert,
  }) => {
    assert.deepEqual(lineEligibility({ exception: 'custom_made', shownBeforeOrder: false }), {
      verdict: 'withdrawable',
      unshownException: 'custom_made',
    })
  })

  test('W-18 / TC-18: lipstick returned sealed → withdrawable; unsealed → excluded (5°)', ({
    assert,
  }) => {
    const lipstick = { exception: 'sealed_hygiene', shownBeforeOrder: true } as const
    assert.deepEqual(lineEligibility({ ...lipstick, unsealed: false }), {
      verdict: 'withdrawable',
      unshownException: null,
    })
    assert.deepEqual(lineEligibility({ ...lipstick, unsealed: true }), {
      verdict: 'excluded',
      exception: 'sealed_hygiene',
    })
  })

  test('W-18: sealed goods not inspected yet stay withdrawable, on condition', ({ assert }) => {
    for (const unsealed of [undefined, null]) {
      assert.deepEqual(
        lineEligibility({ exception: 'sealed_media', shownBeforeOrder: true, unsealed }),
        { verdict: 'withdrawable_if_sealed', exception: 'sealed_media' }
      )
    }
  })

  test('W-18: software unsealed after delivery is excluded (9°)', ({ assert }) => {
    assert.deepEqual(
      lineEligibility({ exception: 'sealed_media', shownBeforeOrder: true, unsealed: true }),
      { verdict: 'excluded', exception: 'sealed_media' }
    )
  })

  test('W-18: a sealed exception never shown binds nothing, even once unsealed', ({ assert }) => {
    assert.deepEqual(
      lineEligibility({ exception: 'sealed_hygiene', shownBeforeOrder: false, unsealed: true }),
      { verdict: 'withdrawable', unshownException: 'sealed_hygiene' }
    )
  })

  test('W-18: the other exceptions shown before ordering exclude whatever the seal', ({
    assert,
  }) => {
    for (const exception of [
      'perishable',
      'inseparably_mixed',
      'periodical',
      'market_priced',
    ] as const) {
      assert.deepEqual(
        lineEligibility({ exception, shownBeforeOrder: true, unsealed: false }),
        { verdict: 'excluded', exception },
        exception
      )
    }
  })

  test('W-18: a line without exception is withdrawable, with no risk', ({ assert }) => {
    for (const exception of [null, 'none'] as const) {
      assert.deepEqual(lineEligibility({ exception, shownBeforeOrder: false }), {
        verdict: 'withdrawable',
        unshownException: null,
      })
    }
  })
})
