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
 *
 * `reference` is the provider's name for this attempt (a Stripe Checkout
 * Session id): the core keeps it on the payment and hands it back in
 * `PaymentAttempt`, so the provider needs no table of its own for it.
 */
export type PaymentStart =
  | { kind: 'redirect'; url: string; reference?: string }
  | { kind: 'form'; action: string; fields: Record<string, string>; reference?: string }
  | { kind: 'instructions'; lines: { label: string; value: string }[] }
  | { kind: 'captured'; transactionId: string }

/**
 * Where the provider sends the shopper and its notifications for one order,
 * absolute URLs built by the core.
 * - `return`: the shopper comes back (paid, refused, or still in progress);
 * - `cancel`: the shopper gave up on the provider's page;
 * - `notify`: the provider's server-to-server notifications (webhook, IPN),
 *   the same for every order of this method.
 */
export interface PaymentUrls {
  readonly return: string
  readonly cancel: string
  readonly notify: string
}

/** What else the core tells a provider when it starts a payment. */
export interface PaymentStartContext {
  /**
   * A key naming this payment attempt, the same if the core starts it again
   * (a crash, a retry) and new for the next attempt (after a refusal or a
   * switch of method): send it as the idempotency key of the provider's
   * create call.
   */
  readonly idempotencyKey: string
  /** The signed-in shopper's account, if any (a provider may offer the cards saved with it). */
  readonly customer: { id: number; email: string } | null
}

/** One payment of an order as the core recorded it, for the provider's follow-up calls. */
export interface PaymentAttempt {
  readonly order: OrderSnapshot
  /** What `start` returned as `reference`, if anything. */
  readonly reference: string | null
  /** The provider's transaction once money moved (a PaymentIntent, a Lyra transaction uuid). */
  readonly transactionId: string | null
}

/**
 * A payment event translated by a provider, for the core's payment state
 * machine. The provider never changes order state itself.
 *
 * The amount is the one the provider's verified data says was taken (re-read
 * from its API or inside a signed message), never one copied from the
 * order: the core compares it with the order total and holds the order for
 * the merchant when they differ. `eventId` is the provider's unique id for
 * the event (Stripe event id, Lyra transaction uuid + status): the core
 * acts on an id once, whatever the number of deliveries; null for answers
 * that are not deliveries (a return page read, a cancel).
 * - `rejected`: the message cannot be trusted (bad signature): answered 400;
 * - `ignored`: trusted but nothing for the core to do (another event type).
 */
export type PaymentEvent =
  | {
      kind: 'authorized' | 'captured'
      orderReference: string
      eventId: string | null
      transactionId: string
      amount: Amount
    }
  | { kind: 'failed' | 'cancelled'; orderReference: string; eventId: string | null; reason: string }
  | {
      kind: 'refunded'
      orderReference: string
      eventId: string | null
      /** The provider's refund ids with their amounts, as its verified data lists them. */
      refunds: { refundId: string; amount: Amount }[]
    }
  | { kind: 'pending'; orderReference: string; reason: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'rejected'; reason: string }

/** A notification as the core received it: headers and the body byte for byte. */
export interface PaymentNotification {
  readonly headers: Record<string, string | string[] | undefined>
  readonly rawBody: string
}

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

export type CaptureResult =
  | { kind: 'captured'; transactionId: string; amount: Amount }
  | { kind: 'unsupported' }
  | { kind: 'failed'; reason: string }

/**
 * A way to pay. The core keeps the payment state machine (pending →
 * authorized → captured → refunded, failed, cancelled) and its audit trail;
 * a provider only talks to its payment service and reports what happened.
 *
 * Completion: whatever arrives first (the shopper's return, a notification,
 * both at once, a replay hours later), the core locks the order, skips event
 * ids it already handled and applies each event once; the provider only
 * verifies and translates. Verify from the provider's own data: re-fetch the
 * object from its API or check the message's signature, never trust a query
 * string.
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
   * stock (bank transfer: days; card: an hour, so fractions are fine). Null:
   * no limit. An authorized card payment is no longer waiting: the window no
   * longer applies to it.
   */
  paymentWindowHours(): number | null {
    return null
  }

  /**
   * The origins the shopper's browser is sent to when paying: the hosted
   * page a `form` posts to or a `redirect` leads to
   * (`https://checkout.stripe.com`). The storefront's Content-Security-Policy
   * `form-action` allows exactly the enabled methods' origins.
   */
  formTargets(): string[] {
    return []
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
  abstract start(
    order: OrderSnapshot,
    locale: Locale,
    urls: PaymentUrls,
    context: PaymentStartContext
  ): Promise<PaymentStart>

  /**
   * Reads a provider notification (webhook, IPN). It must verify the
   * provider's signature on the raw body (`rejected` when it fails) and
   * should re-read the object from the provider before reporting money.
   */
  async handleNotification(_notification: PaymentNotification): Promise<PaymentEvent> {
    return { kind: 'ignored', reason: 'notifications not supported' }
  }

  /**
   * The shopper is back on the return URL with the provider's query string.
   * A provider whose notification is the only source of truth returns
   * `ignored` (the default): the core shows the order's state, and a page
   * that waits while it is still pending.
   */
  async handleReturn(
    _attempt: PaymentAttempt,
    _query: Record<string, string>
  ): Promise<PaymentEvent> {
    return { kind: 'ignored', reason: 'the notification decides' }
  }

  /**
   * The shopper gave up on the provider's page. A provider that can close the
   * attempt (expire a Checkout Session) does so and says `cancelled`, or
   * reports the payment if it completed meanwhile; the default trusts the
   * shopper's word, as the provider's own page no longer takes the payment.
   */
  async cancel(attempt: PaymentAttempt): Promise<PaymentEvent> {
    return {
      kind: 'cancelled',
      orderReference: attempt.order.reference,
      eventId: null,
      reason: 'the shopper left the payment page',
    }
  }

  /** Takes an authorized payment (manual capture); defaults to unsupported. */
  async capture(
    _attempt: PaymentAttempt,
    _amount: Amount,
    _idempotencyKey: string
  ): Promise<CaptureResult> {
    return { kind: 'unsupported' }
  }

  /**
   * Whether `refund` can send money back now (a card provider with API
   * credentials). When false, the back office offers only a manual refund,
   * recorded by the merchant who paid the customer back another way.
   */
  canRefund(): boolean {
    return false
  }

  /** Refunds part or all of a captured payment; defaults to unsupported. */
  async refund(
    _attempt: PaymentAttempt,
    _amount: Amount,
    _idempotencyKey: string
  ): Promise<RefundResult> {
    return { kind: 'unsupported' }
  }
}
