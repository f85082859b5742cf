import { createHmac, timingSafeEqual } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import type { Amount, Locale, OrderSnapshot } from '@comptoir/contracts/commerce'
import {
  PaymentProvider,
  type CaptureResult,
  type PaymentAttempt,
  type PaymentEvent,
  type PaymentNotification,
  type PaymentStart,
  type PaymentUrls,
  type RefundResult,
} from '@comptoir/contracts/payment_provider'
import type { PluginProvides } from '@comptoir/contracts/plugin_manifest'
import type { SessionData } from '@adonisjs/session/types'
import type { ApiClient } from '@japa/api-client'
import Invoice from '#models/invoice'
import Order from '#models/order'
import Payment from '#models/payment'
import ActedEvent from '#models/payment_event'
import PaymentTransition from '#models/payment_transition'
import type PluginKernel from '#plugin_kernel/plugin_kernel'
import type PluginRegistry from '#plugin_kernel/plugin_registry'
import PaymentOptions from '#services/checkout/payment_options'
import OrderRefunds from '#services/orders/order_refunds'
import { CART_COOKIE } from '#support/shopper'

type Cleanup = (handler: () => void) => void

/** The test PSP's hosted page, its notification secret and signature header. */
export const TEST_PSP = {
  code: 'test-card',
  origin: 'https://pay.psp.test',
  secret: 'whsec_comptoir_test',
  signatureHeader: 'x-test-psp-signature',
} as const

/**
 * A payment as the test PSP holds it, keyed by order number; the test moves
 * it. `processing`: the shopper is mid-way (3-D Secure), so the PSP can
 * neither close the attempt nor report an outcome yet.
 */
export interface PspPayment {
  status: 'pending' | 'processing' | 'authorized' | 'captured' | 'failed' | 'cancelled'
  amount: Amount
  transactionId: string
}

/** A call the core made to the provider with an idempotency key. */
export interface ProviderCall {
  readonly reference: string
  readonly amount: Amount
  readonly key: string
}

/**
 * A notification body as the test PSP sends it (JSON, signed with
 * HMAC-SHA-256 of the raw body in `TEST_PSP.signatureHeader`).
 */
export interface PspEventBody {
  id: string
  type: 'authorized' | 'captured' | 'failed' | 'cancelled' | 'refunded' | 'pending' | 'other'
  order: string
  amount?: number
  currency?: string
  transaction?: string
  refunds?: { id: string; amount: number }[]
}

/**
 * A card provider standing in for a PSP. It either takes the money at once
 * (`capturesAtOnce`) or sends the shopper to its hosted page; it verifies its
 * notifications' signature and translates them, answers the shopper's return
 * and cancel from `psp` (the PSP's own state, which the test moves), and
 * keeps every capture and refund asked of it with its idempotency key.
 */
export class TestCardProvider extends PaymentProvider {
  readonly code: string
  readonly psp = new Map<string, PspPayment>()
  readonly captures: ProviderCall[] = []
  readonly refunds: ProviderCall[] = []
  /** The URLs the core gave for each order at start. */
  readonly urls = new Map<string, PaymentUrls>()
  targets: string[] = [TEST_PSP.origin]
  /** The PSP's API is unreachable: return reads and cancels throw. */
  down = false
  refundAnswer: (amount: Amount, key: string) => Promise<RefundResult>
  protected capturesAtOnce: boolean

  constructor(
    options: {
      code?: string
      capturesAtOnce?: boolean
      refund?: (amount: Amount, key: string) => Promise<RefundResult>
    } = {}
  ) {
    super()
    this.code = options.code ?? TEST_PSP.code
    this.capturesAtOnce = options.capturesAtOnce ?? false
    this.refundAnswer = options.refund ?? (async () => ({ kind: 'unsupported' }))
  }

  label(locale: Locale) {
    return locale === 'fr' ? 'Carte bancaire (test)' : 'Card (test)'
  }

  paymentWindowHours() {
    return 1
  }

  formTargets() {
    return this.targets
  }

  async start(order: OrderSnapshot, _locale: Locale, urls: PaymentUrls): Promise<PaymentStart> {
    if (this.capturesAtOnce) return { kind: 'captured', transactionId: 'ch_1' }
    this.urls.set(order.reference, urls)
    this.psp.set(order.reference, {
      status: 'pending',
      amount: order.total,
      transactionId: `txn_${order.reference}`,
    })
    return {
      kind: 'redirect',
      url: `${TEST_PSP.origin}/pay/sess_${order.reference}`,
      reference: `sess_${order.reference}`,
    }
  }

  async handleNotification({ headers, rawBody }: PaymentNotification): Promise<PaymentEvent> {
    const signature = headers[TEST_PSP.signatureHeader]
    if (typeof signature !== 'string' || !sameDigest(signature, pspSignature(rawBody))) {
      return { kind: 'rejected', reason: 'bad signature' }
    }
    const body = JSON.parse(rawBody) as PspEventBody
    const orderReference = body.order
    switch (body.type) {
      case 'authorized':
      case 'captured':
        return {
          kind: body.type,
          orderReference,
          eventId: body.id,
          transactionId: body.transaction ?? `txn_${orderReference}`,
          amount: { amount: body.amount!, currency: body.currency ?? 'EUR' },
        }
      case 'failed':
      case 'cancelled':
        return { kind: body.type, orderReference, eventId: body.id, reason: 'card declined' }
      case 'refunded':
        return {
          kind: 'refunded',
          orderReference,
          eventId: body.id,
          refunds: (body.refunds ?? []).map((refund) => ({
            refundId: refund.id,
            amount: { amount: refund.amount, currency: body.currency ?? 'EUR' },
          })),
        }
      case 'pending':
        return { kind: 'pending', orderReference, reason: 'in progress' }
      default:
        return { kind: 'ignored', reason: `event ${body.type}` }
    }
  }

  async handleReturn(attempt: PaymentAttempt): Promise<PaymentEvent> {
    return this.answer(attempt)
  }

  async cancel(attempt: PaymentAttempt): Promise<PaymentEvent> {
    if (this.down) throw new Error('PSP unreachable')
    const payment = this.psp.get(attempt.order.reference)
    // Paid meanwhile: the PSP says so instead of closing the attempt.
    if (payment?.status === 'pending') payment.status = 'cancelled'
    return this.answer(attempt)
  }

  async capture(attempt: PaymentAttempt, amount: Amount, key: string): Promise<CaptureResult> {
    this.captures.push({ reference: attempt.order.reference, amount, key })
    const payment = this.psp.get(attempt.order.reference)
    if (!payment || (payment.status !== 'authorized' && payment.status !== 'captured')) {
      return { kind: 'failed', reason: 'nothing to capture' }
    }
    payment.status = 'captured'
    return { kind: 'captured', transactionId: payment.transactionId, amount }
  }

  /** Has refund credentials, as a configured card provider does. */
  canRefund() {
    return true
  }

  async refund(attempt: PaymentAttempt, amount: Amount, key: string): Promise<RefundResult> {
    this.refunds.push({ reference: attempt.order.reference, amount, key })
    return this.refundAnswer(amount, key)
  }

  /** The PSP's payment of this order as an event, as a return page read reports it. */
  private answer(attempt: PaymentAttempt): PaymentEvent {
    if (this.down) throw new Error('PSP unreachable')
    const orderReference = attempt.order.reference
    const payment = this.psp.get(orderReference)
    if (!payment) return { kind: 'ignored', reason: 'unknown to the PSP' }
    switch (payment.status) {
      case 'pending':
      case 'processing':
        return { kind: 'pending', orderReference, reason: 'in progress' }
      case 'failed':
      case 'cancelled':
        return { kind: payment.status, orderReference, eventId: null, reason: 'card declined' }
      default:
        return {
          kind: payment.status,
          orderReference,
          eventId: null,
          transactionId: payment.transactionId,
          amount: payment.amount,
        }
    }
  }
}

/** The signature the test PSP puts on a body (hex HMAC-SHA-256), `secret` for a forged one. */
export function pspSignature(rawBody: string, secret: string = TEST_PSP.secret) {
  return createHmac('sha256', secret).update(rawBody).digest('hex')
}

/**
 * Posts a notification as the test PSP does: pretty-printed JSON (the
 * signature holds only if the core hands the body over byte for byte),
 * signed in its header (with `secret` instead, a forged one).
 */
export function notifyPsp(
  client: ApiClient,
  body: PspEventBody,
  options: { secret?: string; code?: string } = {}
) {
  const rawBody = JSON.stringify(body, null, 2)
  return client
    .post(`/payments/${options.code ?? TEST_PSP.code}/notifications`)
    .header(TEST_PSP.signatureHeader, pspSignature(rawBody, options.secret))
    .unsafeJson(rawBody)
}

/**
 * Everything the core records about an order's payment, to compare before
 * and after a delivery: order state, payments, transitions, events acted
 * on and invoice numbers.
 */
export async function paymentRecord(orderId: number) {
  const order = await paymentState(orderId)
  const payments = await Payment.query().where('order_id', orderId).orderBy('id')
  const transitions = await PaymentTransition.query()
    .whereIn(
      'payment_id',
      payments.map((payment) => payment.id)
    )
    .orderBy('id')
  const events = await ActedEvent.query().where('order_id', orderId).orderBy('id')
  const invoices = await Invoice.query()
    .where('order_id', orderId)
    .where('kind', 'invoice')
    .orderBy('id')
  return {
    order,
    payments: payments.map((payment) => [payment.status, payment.transactionId]),
    transitions: transitions.map((row) => [row.fromStatus, row.toStatus, row.actor, row.eventId]),
    events: events.map((event) => [event.eventId, event.kind, event.outcome]),
    invoices: invoices.map((invoice) => invoice.number),
  }
}

/**
 * The shopper's browser back from the PSP on the order's return (or cancel)
 * page: the session that placed the order (or `session`), its cart cookie
 * if given, redirects not followed.
 */
export function backFromPsp(
  client: ApiClient,
  orderNumber: string,
  options: {
    page?: 'return' | 'cancel'
    locale?: 'fr' | 'en'
    cart?: string
    session?: SessionData
    /** Reloads of the waiting page so far, as its own refresh counts them. */
    reloads?: number
  } = {}
) {
  const prefix = options.locale === 'en' ? '/en' : ''
  const request = client
    .get(`${prefix}/checkout/payments/${orderNumber}/${options.page ?? 'return'}`)
    .qs(options.reloads === undefined ? {} : { reloads: options.reloads })
    .withSession(options.session ?? { placed_orders: [orderNumber] })
    .redirects(0)
  return options.cart ? request.withCookie(CART_COOKIE, options.cart) : request
}

/** An order's status, payment status and whether it is paid, as stored now. */
export async function paymentState(orderId: number) {
  const order = await Order.findOrFail(orderId)
  return [order.status, order.paymentStatus, order.paidAt !== null]
}

function sameDigest(given: string, expected: string) {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Makes `provider` one of the enabled payment methods until the test ends,
 * through the container: in place of the enabled method with its code, or
 * next to them. Checkout, notifications, returns, refunds and the CSP all
 * see it as they would a plugin's.
 */
export async function usePaymentProvider(cleanup: Cleanup, provider: PaymentProvider) {
  const options = await app.container.make(PaymentOptions)
  const kernel: PluginKernel = options['kernel']
  const enabled = kernel.registry
  const registry = Object.assign(Object.create(enabled) as PluginRegistry, {
    async providers(kind: keyof PluginProvides) {
      const listed = await enabled.providers(kind)
      if (kind !== 'payment') return listed
      const replaced = listed.map((entry) =>
        entry.provider.code === provider.code ? { ...entry, provider } : entry
      )
      const known = listed.some((entry) => entry.provider.code === provider.code)
      return known ? replaced : [...listed, { plugin: 'payment-test-card', provider }]
    },
  })
  const swapped = Object.assign(Object.create(kernel) as PluginKernel, { registry })
  app.container.swap(PaymentOptions, () => new PaymentOptions(swapped))
  cleanup(() => app.container.restore(PaymentOptions))
}

/**
 * A card provider in place of the bank transfer: it takes the money at once
 * (no instructions, so the payment is refunded through it) and answers
 * refunds as the test tells it; returns every refund request it received.
 */
export async function cardProvider(
  cleanup: Cleanup,
  answer: (amount: Amount, key: string) => Promise<RefundResult>
) {
  const card = new TestCardProvider({ code: 'bank-transfer', capturesAtOnce: true, refund: answer })
  await usePaymentProvider(cleanup, card)
  return card.refunds
}

/** The test PSP (`TEST_PSP.code`) offered next to the shop's methods, until the test ends. */
export async function testPsp(cleanup: Cleanup) {
  const provider = new TestCardProvider()
  await usePaymentProvider(cleanup, provider)
  return provider
}

/** Providers get 50 ms to answer a refund for the rest of the test. */
export function shortRefundTimeout(cleanup: Cleanup) {
  const timeout = OrderRefunds.providerTimeoutMs
  OrderRefunds.providerTimeoutMs = 50
  cleanup(() => {
    OrderRefunds.providerTimeoutMs = timeout
  })
}
