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

/**
 * A picture of a means of payment: the shopper recognises at a glance what
 * the shop takes, on the payment step next to the method's name and, before
 * the tunnel, in the cart and the footer (LEGAL.md P-04).
 *
 * The picture is a file of the plugin: an SVG directly in its
 * `resources/logos/` folder, named in lower case (`resources/logos/visa.svg`).
 * The core serves it at `/plugins/<plugin>/assets/logos/visa.svg?v=<hash>`,
 * cached for a year (the hash changes with the file), and shows it 24 px
 * high as an `<img>`, so it never runs code. A logo the core cannot use (bad
 * name, missing file, over 32 KB, no `viewBox`, a script inside, wider than
 * 4:1 or narrower than 1:2) is left out and reported on the plugin's admin
 * page; the method is offered anyway.
 *
 * Draw logos on their own background (a light card with a border) so they
 * read on the light pages and on the dark footer. Card-brand marks (CB, Visa,
 * Mastercard…) are the brands' own acceptance artwork, used as their
 * guidelines say; ship them in the plugin's folder.
 */
export interface PaymentLogo {
  /**
   * What the picture shows, the image's alternative text ("Visa", "CB").
   * When it is the method's own label, the core treats the picture as
   * decorative (empty `alt`) so screen readers do not say the name twice.
   */
  readonly name: string
  /** The SVG file, relative to the plugin's folder: `resources/logos/<name>.svg`. */
  readonly file: string
}

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

  /**
   * The logos shown with the method, in display order; none by default. A
   * card method lists the brands it takes, which may follow its settings:
   *
   * ```ts
   * logos(_locale: Locale) {
   *   return this.settings.brands.map((brand) => ({
   *     name: BRAND_NAMES[brand], // 'CB', 'Visa', 'Mastercard'
   *     file: `resources/logos/${brand}.svg`,
   *   }))
   * }
   * ```
   *
   * Storefront pages are cached whole: the answer may depend on the
   * settings and the locale, never on the shopper or the cart.
   */
  logos(_locale: Locale): PaymentLogo[] {
    return []
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
