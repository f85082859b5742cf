import { test } from '@japa/runner'
import {
  MAX_WRONG_CODES,
  PICKUP_CODE_SPACE,
  attemptsLeft,
  formatPickupCode,
  handoverLocked,
  handoverRefusal,
  normalizePickupCode,
  paysAtHandover,
  pickupCodeOf,
  pickupStage,
  readyRefusal,
  type PickupOrderState,
} from '#domain/pickups'

const payInStore = { status: 'pending' as const, hasInstructions: true }
const card = { status: 'pending' as const, hasInstructions: false }

/** A paid click & collect order waiting to be made ready. */
const paid: PickupOrderState = {
  storePickup: true,
  status: 'paid',
  paid: true,
  openPayment: null,
  readyAt: null,
  collectedAt: null,
}
const unpaidInStore: PickupOrderState = {
  ...paid,
  status: 'pending_payment',
  paid: false,
  openPayment: payInStore,
}
const readyAt = new Date('2026-03-20T10:00:00Z')

test.group('Pickup codes', () => {
  test('a code has six digits, leading zeros kept, drawn below 10^6', ({ assert }) => {
    assert.equal(PICKUP_CODE_SPACE, 1_000_000)
    assert.equal(pickupCodeOf(42), '000042')
    assert.equal(pickupCodeOf(999_999), '999999')
    assert.equal(formatPickupCode('048213'), '048 213')
  })

  test('a code is read as printed or typed, and anything else is a typing slip', ({ assert }) => {
    assert.equal(normalizePickupCode('482913'), '482913')
    assert.equal(normalizePickupCode(' 482 913 '), '482913')
    assert.equal(normalizePickupCode('482-913'), '482913')
    assert.isNull(normalizePickupCode('48291'))
    assert.isNull(normalizePickupCode('4829134'))
    assert.isNull(normalizePickupCode('48291a'))
    assert.isNull(normalizePickupCode(''))
  })

  test('five wrong codes lock handover', ({ assert }) => {
    assert.equal(MAX_WRONG_CODES, 5)
    assert.equal(attemptsLeft(0), 5)
    assert.equal(attemptsLeft(4), 1)
    assert.equal(attemptsLeft(7), 0)
    assert.isFalse(handoverLocked(4))
    assert.isTrue(handoverLocked(5))
  })
})

test.group('Ready for pickup', () => {
  test('a paid order collected in one of the shops is made ready, whatever has shipped', ({
    assert,
  }) => {
    assert.isNull(readyRefusal(paid))
    assert.isNull(readyRefusal({ ...paid, status: 'processing' }))
    assert.isNull(readyRefusal({ ...paid, status: 'partially_shipped' }))
    assert.isNull(readyRefusal({ ...paid, status: 'shipped' }))
    assert.equal(readyRefusal({ ...paid, status: 'delivered' }), 'not_preparable')
    assert.equal(readyRefusal({ ...paid, status: 'refunded' }), 'not_preparable')
  })

  test('a relay point of a carrier, or a home delivery, is never made ready here', ({ assert }) => {
    assert.equal(readyRefusal({ ...paid, storePickup: false }), 'not_store_pickup')
  })

  test('an order paid at the counter is made ready unpaid; one waiting for a card payment is not', ({
    assert,
  }) => {
    assert.isTrue(paysAtHandover(unpaidInStore))
    assert.isNull(readyRefusal(unpaidInStore))
    assert.isFalse(paysAtHandover({ ...unpaidInStore, openPayment: card }))
    assert.equal(readyRefusal({ ...unpaidInStore, openPayment: card }), 'not_preparable')
    assert.equal(readyRefusal({ ...unpaidInStore, status: 'on_hold' }), 'not_preparable')
    assert.equal(
      readyRefusal({ ...unpaidInStore, status: 'cancelled', openPayment: null }),
      'not_preparable'
    )
    assert.isFalse(paysAtHandover(paid))
  })

  test('an order is made ready once; a cancelled one no longer waits in the shop', ({ assert }) => {
    assert.equal(pickupStage(paid), 'not_ready')
    assert.equal(pickupStage({ ...paid, readyAt }), 'ready')
    assert.equal(readyRefusal({ ...paid, status: 'shipped', readyAt }), 'already_ready')
    assert.equal(pickupStage({ ...paid, readyAt, collectedAt: readyAt }), 'collected')
    assert.equal(readyRefusal({ ...paid, readyAt, collectedAt: readyAt }), 'collected')
    assert.equal(pickupStage({ ...unpaidInStore, status: 'cancelled', readyAt }), 'not_ready')
  })
})

test.group('Handover', () => {
  const ready = { ...paid, status: 'shipped' as const, readyAt, failedAttempts: 0 }
  const typed = { code: '482913', paymentReceived: false }

  test('a ready order is handed over against a well-formed code', ({ assert }) => {
    assert.isNull(handoverRefusal(ready, typed))
    assert.equal(handoverRefusal({ ...ready, readyAt: null }, typed), 'not_ready')
    assert.equal(handoverRefusal({ ...ready, collectedAt: readyAt }, typed), 'not_ready')
    assert.equal(handoverRefusal(ready, { ...typed, code: null }), 'code_format')
  })

  test('locked after five wrong codes, until a new code resets the count', ({ assert }) => {
    assert.isNull(handoverRefusal({ ...ready, failedAttempts: 4 }, typed))
    assert.equal(handoverRefusal({ ...ready, failedAttempts: 5 }, typed), 'locked')
  })

  test('an order paid at the counter needs staff to confirm the money received', ({ assert }) => {
    const inStore = { ...unpaidInStore, readyAt, failedAttempts: 0 }
    assert.equal(handoverRefusal(inStore, typed), 'payment_not_confirmed')
    assert.isNull(handoverRefusal(inStore, { ...typed, paymentReceived: true }))
    // Cancelled at the end of its collection window: nothing left to hand over.
    assert.equal(
      handoverRefusal(
        { ...inStore, status: 'cancelled', openPayment: null },
        { ...typed, paymentReceived: true }
      ),
      'not_ready'
    )
    // Set aside meanwhile: staff sort it out first.
    assert.equal(
      handoverRefusal({ ...inStore, status: 'on_hold' }, { ...typed, paymentReceived: true }),
      'not_collectable'
    )
  })
})
