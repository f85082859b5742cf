import type Stripe from 'stripe'
import type { Amount } from '@comptoir/contracts/commerce'
import type { PaymentEvent } from '@comptoir/contracts/payment_provider'

/**
 * Pure translation of Stripe objects, as re-read from its API, into the
 * core's payment events. No I/O here: the provider fetches, these decide.
 */

/** The Checkout events the plugin acts on; every other type is ignored. */
export const SESSION_EVENTS = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
])

export const REFUND_EVENTS = new Set(['charge.refunded'])

/** An authorization Stripe cancelled (not captured within 7 days, or voided in its dashboard). */
export const INTENT_EVENTS = new Set(['payment_intent.canceled'])

/** Stripe writes currencies in lower case, the core in ISO upper case. */
export function amountOf(amount: number, currency: string): Amount {
  return { amount, currency: currency.toUpperCase() }
}

/** The order a session was made for: its client reference, else its metadata. */
export function orderReferenceOf(session: Stripe.Checkout.Session): string | null {
  return session.client_reference_id ?? session.metadata?.order_reference ?? null
}

/**
 * What a Checkout Session (with its PaymentIntent expanded) says about the
 * payment now. The PaymentIntent decides, as it holds the money: the
 * session's own `payment_status` stays `unpaid` for an authorization.
 */
export function sessionEvent(
  session: Stripe.Checkout.Session,
  eventId: string | null
): PaymentEvent {
  const orderReference = orderReferenceOf(session)
  if (!orderReference) return { kind: 'ignored', reason: `session ${session.id} has no order` }
  if (session.status === 'expired') {
    return { kind: 'cancelled', orderReference, eventId, reason: 'checkout session expired' }
  }
  if (session.status !== 'complete') {
    return { kind: 'pending', orderReference, reason: 'checkout session still open' }
  }
  const intent = session.payment_intent
  if (!intent || typeof intent === 'string') {
    return { kind: 'pending', orderReference, reason: 'payment intent not expanded' }
  }
  switch (intent.status) {
    case 'succeeded':
      return {
        kind: 'captured',
        orderReference,
        eventId,
        transactionId: intent.id,
        amount: amountOf(intent.amount_received, intent.currency),
      }
    case 'requires_capture':
      return {
        kind: 'authorized',
        orderReference,
        eventId,
        transactionId: intent.id,
        amount: amountOf(intent.amount_capturable, intent.currency),
      }
    case 'canceled':
    case 'requires_payment_method':
      // A delayed method (SEPA debit…) that failed after the session completed.
      return {
        kind: 'failed',
        orderReference,
        eventId,
        reason: intent.last_payment_error?.message ?? `payment intent ${intent.status}`,
      }
    default:
      return { kind: 'pending', orderReference, reason: `payment intent ${intent.status}` }
  }
}

/**
 * What a PaymentIntent says once Stripe cancelled it: an authorization that
 * will never be captured, so the order stops waiting for it. Any other state
 * is told by the session events.
 */
export function intentEvent(intent: Stripe.PaymentIntent, eventId: string | null): PaymentEvent {
  const orderReference = intent.metadata?.order_reference
  if (!orderReference)
    return { kind: 'ignored', reason: `payment intent ${intent.id} has no order` }
  if (intent.status !== 'canceled') {
    return { kind: 'ignored', reason: `payment intent ${intent.id} is ${intent.status}` }
  }
  return {
    kind: 'cancelled',
    orderReference,
    eventId,
    reason: `authorization cancelled at Stripe (${intent.cancellation_reason ?? 'no reason given'})`,
  }
}

/** The refunds Stripe lists for a payment, those that went through or may still. */
export function refundsEvent(
  orderReference: string,
  refunds: Stripe.Refund[],
  eventId: string | null
): PaymentEvent {
  return {
    kind: 'refunded',
    orderReference,
    eventId,
    refunds: refunds
      .filter((refund) => refund.status !== 'failed' && refund.status !== 'canceled')
      .map((refund) => ({ refundId: refund.id, amount: amountOf(refund.amount, refund.currency) })),
  }
}
