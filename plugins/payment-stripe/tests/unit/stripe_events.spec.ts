import { test } from '@japa/runner'
import type Stripe from 'stripe'
import { refundsEvent, sessionEvent } from '#src/stripe_events'
import { fixture } from '#tests/helpers/stripe_emulator'

/** The recorded session, completed and paid with the recorded payment intent. */
function completedSession(intent: Record<string, unknown> = {}): Stripe.Checkout.Session {
  return {
    ...fixture('checkout_session'),
    status: 'complete',
    payment_status: 'paid',
    payment_intent: { ...fixture('payment_intent'), ...intent },
  } as unknown as Stripe.Checkout.Session
}

test.group('Stripe events translated for the core', () => {
  test('a paid session is captured for the amount the payment intent received', ({ assert }) => {
    assert.deepEqual(sessionEvent(completedSession({ amount_received: 5000 }), 'evt_1'), {
      kind: 'captured',
      orderReference: 'CMD-2026-000042',
      eventId: 'evt_1',
      transactionId: 'pi_3QaBcDeFgHiJkLmN0pQrStUv',
      // What Stripe took, not what the session asked: the core compares it with the order.
      amount: { amount: 5000, currency: 'EUR' },
    })
  })

  test('a manual capture is authorized for the capturable amount', ({ assert }) => {
    const session = completedSession({
      status: 'requires_capture',
      amount_received: 0,
      amount_capturable: 5980,
    })
    session.payment_status = 'unpaid'
    assert.deepInclude(sessionEvent(session, null), {
      kind: 'authorized',
      eventId: null,
      amount: { amount: 5980, currency: 'EUR' },
    })
  })

  test('a delayed method still processing is pending, then failed when refused', ({ assert }) => {
    const processing = completedSession({ status: 'processing', amount_received: 0 })
    processing.payment_status = 'unpaid'
    assert.deepEqual(sessionEvent(processing, 'evt_2'), {
      kind: 'pending',
      orderReference: 'CMD-2026-000042',
      reason: 'payment intent processing',
    })
    const refused = completedSession({
      status: 'requires_payment_method',
      amount_received: 0,
      last_payment_error: { message: 'The bank account has insufficient funds.' },
    })
    assert.deepEqual(sessionEvent(refused, 'evt_3'), {
      kind: 'failed',
      orderReference: 'CMD-2026-000042',
      eventId: 'evt_3',
      reason: 'The bank account has insufficient funds.',
    })
  })

  test('an expired session is cancelled, an open one pending', ({ assert }) => {
    const open = fixture('checkout_session') as unknown as Stripe.Checkout.Session
    assert.equal(sessionEvent(open, null).kind, 'pending')
    assert.deepEqual(sessionEvent({ ...open, status: 'expired' }, 'evt_4'), {
      kind: 'cancelled',
      orderReference: 'CMD-2026-000042',
      eventId: 'evt_4',
      reason: 'checkout session expired',
    })
  })

  test('the order comes from the client reference, else the metadata, else nothing', ({
    assert,
  }) => {
    const session = completedSession()
    const fromMetadata = sessionEvent({ ...session, client_reference_id: null }, null)
    assert.equal(
      fromMetadata.kind === 'captured' ? fromMetadata.orderReference : null,
      'CMD-2026-000042'
    )
    assert.deepEqual(sessionEvent({ ...session, client_reference_id: null, metadata: {} }, null), {
      kind: 'ignored',
      reason: 'session cs_test_a1B2c3D4e5F6g7H8i9J0 has no order',
    })
  })

  test('refunds are those Stripe lists, failed ones left out', ({ assert }) => {
    const refund = fixture('refund') as unknown as Stripe.Refund
    const failed = { ...refund, id: 're_failed', status: 'failed' } as Stripe.Refund
    assert.deepEqual(refundsEvent('CMD-2026-000042', [refund, failed], 'evt_5'), {
      kind: 'refunded',
      orderReference: 'CMD-2026-000042',
      eventId: 'evt_5',
      refunds: [
        { refundId: 're_3QaBcDeFgHiJkLmN0pQrStUv', amount: { amount: 1500, currency: 'EUR' } },
      ],
    })
  })
})
