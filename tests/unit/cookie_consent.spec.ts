import { test } from '@japa/runner'
import {
  consentExpiry,
  decideAll,
  hasDecided,
  parseConsent,
  serializeConsent,
} from '#domain/cookie_consent'

test.group('Cookie consent (rules)', () => {
  test('R-02: silence is refusal: nothing decided, nothing granted', ({ assert }) => {
    const choices = parseConsent(undefined)
    assert.isFalse(hasDecided(choices, ['analytics']))
    assert.deepEqual(choices, {})
    // With no tracker in use, there is nothing to ask.
    assert.isTrue(hasDecided(choices, []))
  })

  test('R-02: refusing and accepting all answer every purpose in use', ({ assert }) => {
    const purposes = ['analytics', 'advertising'] as const
    assert.deepEqual(decideAll(purposes, 'refuse_all'), { analytics: false, advertising: false })
    assert.deepEqual(decideAll(purposes, 'accept_all'), { analytics: true, advertising: true })
    assert.deepEqual(decideAll(purposes, { granted: ['advertising', 'unknown'] }), {
      analytics: false,
      advertising: true,
    })
  })

  test('R-02: a refusal is kept like an acceptance', ({ assert }) => {
    const value = serializeConsent({ analytics: false, advertising: true })
    assert.equal(value, 'analytics-0.advertising-1')
    const choices = parseConsent(value)
    assert.isTrue(hasDecided(choices, ['analytics', 'advertising']))
    assert.deepEqual(choices, { analytics: false, advertising: true })
    // A purpose added since is asked again.
    assert.isFalse(hasDecided(choices, ['analytics', 'social']))
  })

  test('a tampered cookie counts as no decision', ({ assert }) => {
    assert.deepEqual(parseConsent('analytics-2.tracking-1.<script>'), {})
  })

  test('R-02: the choice is kept six calendar months', ({ assert }) => {
    assert.equal(
      consentExpiry(new Date('2026-03-02T10:00:00Z')).toISOString(),
      '2026-09-02T10:00:00.000Z'
    )
    assert.equal(
      consentExpiry(new Date('2026-08-31T10:00:00Z')).toISOString(),
      '2027-02-28T10:00:00.000Z'
    )
  })
})
