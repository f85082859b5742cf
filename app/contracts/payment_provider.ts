import type { Amount, CartSnapshot, Locale, OrderSnapshot } from './commerce.js'

/**
 * What a payment method is told when the core asks whether it can be offered.
 */
export interface PaymentAvailabilityContext {
  readonly cart: CartSnapshot
  readonly total: Amount
  readonly billingCountryCode: string | null
  /** The shipping method chosen so far (e.g. pay in store needs click & collect). */
  readonly shippingMethodCode: string | null
}

/**
 * How the shopper goes on once an order is placed with this method.
 * - `redirect`: send the shopper's browser to the provider (hosted page).
 * - `form`: post a signed form to the provider (auto-submitted, with a button for no-JS).
 * - `instructions`: show what to do (bank transfer details); the order waits for payment.
 * - `captured`: the money is already taken (e.g. a zero-amount order).
 */
export type PaymentStart =
  | { kind: 'redirect'; url: string }
  | { kind: 'form'; action: string; fields: Record<string, string> }
  | { kind: 'instructions'; lines: { label: string; value: string }[] }
  | { kind: 'captured'; transactionId: string }

/**
 * A payment event translated by a provider, for the core's payment state
 * machine. The provider never changes order state itself.
 */
export type PaymentEvent =
  | { kind: 'authorized' | 'captured'; transactionId: string; amount: Amount; eventId: string }
  | { kind: 'failed' | 'cancelled'; reason: string; eventId: string }
  | { kind: 'ignored'; reason: string }

export type RefundResult =
  | { kind: 'refunded'; refundId: string; amount: Amount }
  | { kind: 'unsupported' }
  | { kind: 'failed'; reason: string }

/**
 * A way to pay. The core keeps the payment state machine (pending →
 * authorized → captured → refunded, failed, cancelled) and its audit trail;
 * a provider only talks to its payment service and reports what happened.
 *
 * Expected outcomes (not available, declined, cannot refund) are returned as
 * values; a thrown error is a provider fault: the core logs it, skips the
 * provider for that request and shows the merchant the error.
 */
export abstract class PaymentProvider {
  /** Stable identifier stored on orders ("bank-transfer"); never change it. */
  abstract readonly code: string

  /** Name shown to shoppers in their language. */
  abstract label(locale: Locale): string

  /**
   * Hours an order may stay unpaid before the core cancels it and releases its
   * stock (bank transfer: days; card: an hour). Null: no limit.
   */
  paymentWindowHours(): number | null {
    return null
  }

  /** Whether the method can be offered for this cart; defaults to always. */
  async isAvailable(_context: PaymentAvailabilityContext): Promise<boolean> {
    return true
  }

  /** Starts paying a placed order. */
  abstract start(order: OrderSnapshot, locale: Locale): Promise<PaymentStart>

  /**
   * Reads a provider notification (webhook, IPN). It must verify the
   * provider's signature and return `ignored` for anything it cannot trust.
   */
  async handleNotification(_request: {
    headers: Record<string, string | string[] | undefined>
    rawBody: string
  }): Promise<PaymentEvent> {
    return { kind: 'ignored', reason: 'notifications not supported' }
  }

  /** Refunds part or all of a captured payment; defaults to unsupported. */
  async refund(
    _order: OrderSnapshot,
    _amount: Amount,
    _idempotencyKey: string
  ): Promise<RefundResult> {
    return { kind: 'unsupported' }
  }
}
