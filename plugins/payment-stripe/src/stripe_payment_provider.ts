import Stripe from 'stripe'
import type { Amount, Locale, OrderSnapshot } from '@comptoir/contracts/commerce'
import {
  type CaptureResult,
  type PaymentAttempt,
  type PaymentEvent,
  type PaymentLogo,
  type PaymentNotification,
  PaymentProvider,
  type PaymentStartContext,
  type PaymentStart,
  type PaymentUrls,
  type RefundResult,
} from '@comptoir/contracts/payment_provider'
import SavedCards from '#src/saved_cards'
import {
  DEFAULT_PAYMENT_METHOD_TYPES,
  DEFAULT_PAYMENT_WINDOW_MINUTES,
  type StripeSettings,
} from '#src/settings'
import { checkoutOrigin, stripeClient } from '#src/stripe_client'
import {
  INTENT_EVENTS,
  intentEvent,
  REFUND_EVENTS,
  SESSION_EVENTS,
  amountOf,
  refundsEvent,
  sessionEvent,
} from '#src/stripe_events'
import { textsFor } from '#src/texts'

/** The card brands shown with the method (LEGAL.md P-04), in display order. */
const LOGOS: PaymentLogo[] = [
  { name: 'CB', file: 'resources/logos/cb.svg' },
  { name: 'Visa', file: 'resources/logos/visa.svg' },
  { name: 'Mastercard', file: 'resources/logos/mastercard.svg' },
]

const MINUTE_S = 60
/** The longest a Checkout Session may stay open. */
const MAX_SESSION_MINUTES = 24 * 60

/**
 * Card payment on Stripe Checkout, its hosted page: the shop never sees a
 * card number. Every answer about money is re-read from the Stripe API (a
 * webhook only says "look again"), and every call that moves money carries
 * an idempotency key, so a retry never charges or refunds twice.
 */
export class StripePayment extends PaymentProvider {
  readonly code = 'stripe'
  protected stripe: Stripe

  constructor(protected settings: StripeSettings) {
    super()
    this.stripe = stripeClient(settings.secretKey)
  }

  label(locale: Locale) {
    return textsFor(locale)('label')
  }

  logos(_locale: Locale) {
    return LOGOS
  }

  paymentWindowMinutes() {
    return this.settings.paymentWindowMinutes ?? DEFAULT_PAYMENT_WINDOW_MINUTES
  }

  paymentWindowHours() {
    return this.paymentWindowMinutes() / 60
  }

  formTargets() {
    return [checkoutOrigin()]
  }

  async start(
    order: OrderSnapshot,
    locale: Locale,
    urls: PaymentUrls,
    { idempotencyKey, customer }: PaymentStartContext
  ): Promise<PaymentStart> {
    const params = await this.sessionParams(order, locale, urls, customer)
    const session = await this.stripe.checkout.sessions.create(params, {
      idempotencyKey: `comptoir-session-${idempotencyKey}-${params.expires_at}`,
    })
    if (!session.url) throw new Error(`Stripe returned session ${session.id} without a URL`)
    return { kind: 'redirect', url: session.url, reference: session.id }
  }

  /**
   * The session for an order: one line of the order total, so the amount
   * charged is exactly what the shopper accepted on the review page.
   * `expires_at` is on a whole minute and joins the core's attempt key in
   * the idempotency key: the same start retried within the minute gets the
   * same session (Stripe refuses a key reused with other parameters). It is a
   * whole minute ahead plus the window, so the session stays open at least the
   * window (Stripe refuses under 30 minutes), and under 24 hours.
   */
  async sessionParams(
    order: OrderSnapshot,
    locale: Locale,
    urls: PaymentUrls,
    customer: { id: number; email: string } | null,
    now = Date.now()
  ): Promise<Stripe.Checkout.SessionCreateParams> {
    const t = textsFor(locale)
    // A few seconds of margin for the request to reach Stripe, which checks the bounds.
    const nextMinute = Math.ceil((now / 1000 + 5) / MINUTE_S) * MINUTE_S
    const windowMinutes = Math.min(this.paymentWindowMinutes(), MAX_SESSION_MINUTES - 2)
    const methodTypes = this.settings.paymentMethodTypes.length
      ? this.settings.paymentMethodTypes
      : DEFAULT_PAYMENT_METHOD_TYPES
    const metadata = { order_reference: order.reference }
    const params: Stripe.Checkout.SessionCreateParams = {
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: order.total.currency.toLowerCase(),
            unit_amount: order.total.amount,
            product_data: { name: t('line_item', { reference: order.reference }) },
          },
        },
      ],
      client_reference_id: order.reference,
      metadata,
      locale,
      allowed_payment_method_types: methodTypes,
      payment_intent_data: { capture_method: this.settings.capture, metadata },
      success_url: `${urls.return}${urls.return.includes('?') ? '&' : '?'}session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: urls.cancel,
      expires_at: nextMinute + windowMinutes * MINUTE_S,
    }
    if (customer && this.settings.savedCards) {
      // Checkout shows the saved cards, offers to save the new one and runs 3-D Secure.
      params.customer = await new SavedCards(this.stripe).stripeCustomerFor(customer)
      params.saved_payment_method_options = { payment_method_save: 'enabled' }
    } else {
      const email = customer?.email ?? order.cart.customerEmail
      if (email) params.customer_email = email
    }
    return params
  }

  async handleNotification(notification: PaymentNotification): Promise<PaymentEvent> {
    const header = notification.headers['stripe-signature']
    let event: Stripe.Event
    try {
      if (!header) throw new Error('no Stripe-Signature header')
      event = this.stripe.webhooks.constructEvent(
        notification.rawBody,
        header,
        this.settings.webhookSecret
      )
    } catch (error) {
      return { kind: 'rejected', reason: `signature: ${(error as Error).message}` }
    }
    try {
      return await this.reread(event)
    } catch (error) {
      // Signed with this account's secret but unknown to its API (deleted, other mode):
      // nothing of this shop's. Any other failure is thrown, so Stripe delivers again.
      if (
        error instanceof Stripe.errors.StripeInvalidRequestError &&
        error.code === 'resource_missing'
      ) {
        return { kind: 'ignored', reason: `${event.type}: ${error.message}` }
      }
      throw error
    }
  }

  /** What the API says now about the object of an event. */
  private async reread(event: Stripe.Event): Promise<PaymentEvent> {
    if (SESSION_EVENTS.has(event.type)) {
      const { id } = event.data.object as Stripe.Checkout.Session
      return sessionEvent(await this.session(id), event.id)
    }
    if (REFUND_EVENTS.has(event.type)) {
      const charge = event.data.object as Stripe.Charge
      const intentId =
        typeof charge.payment_intent === 'string'
          ? charge.payment_intent
          : charge.payment_intent?.id
      if (!intentId) return { kind: 'ignored', reason: `charge ${charge.id} has no payment intent` }
      return this.refundsOf(intentId, event.id)
    }
    if (INTENT_EVENTS.has(event.type)) {
      const { id } = event.data.object as Stripe.PaymentIntent
      return intentEvent(await this.stripe.paymentIntents.retrieve(id), event.id)
    }
    return { kind: 'ignored', reason: `event type ${event.type}` }
  }

  /** The session read from Stripe; the query string is never trusted. */
  async handleReturn(attempt: PaymentAttempt): Promise<PaymentEvent> {
    if (!attempt.reference) return { kind: 'ignored', reason: 'no checkout session' }
    return sessionEvent(await this.session(attempt.reference), null)
  }

  /**
   * Closes the session so it can no longer be paid. A session paid (or
   * expired) meanwhile cannot be expired: what it says is reported instead.
   */
  async cancel(attempt: PaymentAttempt): Promise<PaymentEvent> {
    if (!attempt.reference) return super.cancel(attempt)
    try {
      await this.stripe.checkout.sessions.expire(attempt.reference)
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error
      return sessionEvent(await this.session(attempt.reference), null)
    }
    return {
      kind: 'cancelled',
      orderReference: attempt.order.reference,
      eventId: null,
      reason: 'the shopper left the payment page',
    }
  }

  async capture(attempt: PaymentAttempt, amount: Amount, idempotencyKey: string) {
    try {
      const intentId = await this.paymentIntentOf(attempt)
      if (!intentId) return { kind: 'failed', reason: 'no payment intent' } satisfies CaptureResult
      const intent = await this.stripe.paymentIntents.capture(
        intentId,
        { amount_to_capture: amount.amount },
        { idempotencyKey }
      )
      return {
        kind: 'captured',
        transactionId: intent.id,
        amount: amountOf(intent.amount_received, intent.currency),
      } satisfies CaptureResult
    } catch (error) {
      return stripeFailure(error)
    }
  }

  /** Refunds go through the API with the secret key, required to enable the plugin. */
  canRefund() {
    return true
  }

  async refund(attempt: PaymentAttempt, amount: Amount, idempotencyKey: string) {
    try {
      const intentId = await this.paymentIntentOf(attempt)
      if (!intentId) return { kind: 'failed', reason: 'no payment intent' } satisfies RefundResult
      const refund = await this.stripe.refunds.create(
        { payment_intent: intentId, amount: amount.amount },
        { idempotencyKey }
      )
      if (refund.status === 'failed' || refund.status === 'canceled') {
        return {
          kind: 'failed',
          reason: `refund ${refund.status}: ${refund.failure_reason ?? ''}`,
        } satisfies RefundResult
      }
      return {
        kind: 'refunded',
        refundId: refund.id,
        amount: amountOf(refund.amount, refund.currency),
      } satisfies RefundResult
    } catch (error) {
      return stripeFailure(error)
    }
  }

  /** Saved cards of the shop's customers, for the account page. */
  savedCards() {
    return new SavedCards(this.stripe)
  }

  private session(id: string) {
    return this.stripe.checkout.sessions.retrieve(id, { expand: ['payment_intent'] })
  }

  /** Every refund Stripe lists for the payment, the order read from the payment itself. */
  private async refundsOf(intentId: string, eventId: string): Promise<PaymentEvent> {
    const intent = await this.stripe.paymentIntents.retrieve(intentId)
    const orderReference = intent.metadata?.order_reference
    if (!orderReference) return { kind: 'ignored', reason: `payment ${intentId} has no order` }
    const refunds = await this.stripe.refunds
      .list({ payment_intent: intentId, limit: 100 })
      .autoPagingToArray({ limit: 1000 })
    return refundsEvent(orderReference, refunds, eventId)
  }

  private async paymentIntentOf(attempt: PaymentAttempt) {
    if (attempt.transactionId) return attempt.transactionId
    if (!attempt.reference) return null
    const session = await this.stripe.checkout.sessions.retrieve(attempt.reference)
    const intent = session.payment_intent
    return typeof intent === 'string' ? intent : (intent?.id ?? null)
  }
}

/** A Stripe refusal is an expected outcome; anything else is a fault for the core to log. */
function stripeFailure(error: unknown): { kind: 'failed'; reason: string } {
  if (error instanceof Stripe.errors.StripeError) {
    return { kind: 'failed', reason: `${error.code ?? error.type}: ${error.message}` }
  }
  throw error
}
