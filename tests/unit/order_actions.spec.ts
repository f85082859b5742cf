import { test } from '@japa/runner'
import {
  deliveryDateProblem,
  isOfflinePayment,
  orderActions,
  resendableEmails,
} from '#domain/order_actions'
import { refundableAmount, refundModes } from '#domain/refunds'

const offline = { status: 'pending' as const, hasInstructions: true }
const online = { status: 'pending' as const, hasInstructions: false }

test.group('Back-office order actions', () => {
  test('an offline payment waiting for money may be marked paid by hand; an online one never', ({
    assert,
  }) => {
    assert.isTrue(isOfflinePayment(offline))
    assert.isFalse(isOfflinePayment(online))
    assert.isFalse(isOfflinePayment({ status: 'captured', hasInstructions: true }))
    assert.isFalse(isOfflinePayment(null))

    const waiting = {
      status: 'pending_payment' as const,
      paid: false,
      unitsLeft: 2,
      shipped: false,
      refund: null,
    }
    assert.deepEqual(orderActions({ ...waiting, openPayment: offline }), {
      markPaid: true,
      capture: false,
      cancel: true,
      ship: false,
      refund: [],
      cancelPaid: [],
    })
    assert.deepEqual(orderActions({ ...waiting, openPayment: online }), {
      markPaid: false,
      capture: false,
      cancel: true,
      ship: false,
      refund: [],
      cancelPaid: [],
    })
    assert.isTrue(orderActions({ ...waiting, status: 'on_hold', openPayment: offline }).markPaid)
  })

  test('an authorized card payment is captured by staff, never marked paid by hand', ({
    assert,
  }) => {
    const authorized = { status: 'authorized' as const, hasInstructions: false }
    const waiting = {
      status: 'pending_payment' as const,
      paid: false,
      unitsLeft: 2,
      shipped: false,
      refund: null,
    }
    const actions = orderActions({ ...waiting, openPayment: authorized })
    assert.isTrue(actions.capture)
    assert.isFalse(actions.markPaid)
    assert.isFalse(orderActions({ ...waiting, openPayment: online }).capture)
    // An amount mismatch holds the order: staff look before any capture.
    assert.isFalse(orderActions({ ...waiting, status: 'on_hold', openPayment: authorized }).capture)
  })

  test('a paid order ships while units are left, and is no longer cancelled here', ({ assert }) => {
    const paid = { paid: true, openPayment: null, shipped: false, refund: null }
    assert.deepEqual(orderActions({ ...paid, status: 'paid', unitsLeft: 3 }), {
      markPaid: false,
      capture: false,
      cancel: false,
      ship: true,
      refund: [],
      cancelPaid: [],
    })
    assert.isTrue(orderActions({ ...paid, status: 'partially_shipped', unitsLeft: 1 }).ship)
    assert.isFalse(orderActions({ ...paid, status: 'partially_shipped', unitsLeft: 0 }).ship)
    assert.isFalse(orderActions({ ...paid, status: 'shipped', unitsLeft: 0 }).ship)
    assert.isFalse(orderActions({ ...paid, status: 'cancelled', unitsLeft: 3 }).ship)
  })

  test('a paid order is refunded by the ways its payment allows, one refund at a time', ({
    assert,
  }) => {
    const card = { amount: 5000, modes: ['provider' as const, 'manual' as const], pending: false }
    const paid = { paid: true, openPayment: null, unitsLeft: 3, shipped: false }
    const unshipped = orderActions({ ...paid, status: 'paid', refund: card })
    assert.deepEqual(unshipped.refund, ['provider', 'manual'])
    assert.deepEqual(unshipped.cancelPaid, ['provider', 'manual'])

    // Once a parcel left, the order is refunded (a return, a goodwill gesture), not cancelled.
    const shipped = orderActions({ ...paid, status: 'shipped', shipped: true, refund: card })
    assert.deepEqual(shipped.refund, ['provider', 'manual'])
    assert.deepEqual(shipped.cancelPaid, [])

    const waiting = orderActions({ ...paid, status: 'paid', refund: { ...card, pending: true } })
    assert.deepEqual([waiting.refund, waiting.cancelPaid], [[], []])
    const spent = orderActions({ ...paid, status: 'paid', refund: { ...card, amount: 0 } })
    assert.deepEqual(spent.refund, [])
    const unpaid = orderActions({ ...paid, paid: false, status: 'pending_payment', refund: card })
    assert.deepEqual(unpaid.refund, [])
  })

  test('an offline payment is refunded by hand; a refund never exceeds what is left', ({
    assert,
  }) => {
    assert.deepEqual(refundModes({ hasInstructions: true, providerCanRefund: true }), ['manual'])
    assert.deepEqual(refundModes({ hasInstructions: false, providerCanRefund: true }), [
      'provider',
      'manual',
    ])
    // A card provider without refund credentials (Systempay without its REST password).
    assert.deepEqual(refundModes({ hasInstructions: false, providerCanRefund: false }), ['manual'])
    assert.equal(refundableAmount({ amount: 5000, refundedAmount: 1200 }), 3800)
    assert.equal(refundableAmount({ amount: 5000, refundedAmount: 5000 }), 0)
  })

  test('W-03: a delivery day is neither after today nor before the parcel left', ({ assert }) => {
    assert.isNull(deliveryDateProblem('2026-03-23', '2026-03-20', '2026-03-23'))
    assert.isNull(deliveryDateProblem('2026-03-20', '2026-03-20', '2026-03-23'))
    assert.equal(deliveryDateProblem('2026-03-24', '2026-03-20', '2026-03-23'), 'future')
    assert.equal(deliveryDateProblem('2026-03-19', '2026-03-20', '2026-03-23'), 'before_shipment')
  })

  test('only the e-mails an order has been through can be sent again', ({ assert }) => {
    assert.deepEqual(resendableEmails({ paid: false, shipped: false, delivered: false }), [
      'order_confirmation',
    ])
    assert.deepEqual(resendableEmails({ paid: true, shipped: true, delivered: false }), [
      'order_confirmation',
      'payment_received',
      'order_shipped',
    ])
    assert.deepEqual(resendableEmails({ paid: true, shipped: true, delivered: true }), [
      'order_confirmation',
      'payment_received',
      'order_shipped',
      'order_delivered',
    ])
  })
})
