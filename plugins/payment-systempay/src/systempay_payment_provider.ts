import type { Amount, Locale, OrderSnapshot } from '@comptoir/contracts/commerce'
import {
  type PaymentAttempt,
  type PaymentAvailabilityContext,
  type PaymentEvent,
  type PaymentLogo,
  type PaymentNotification,
  PaymentProvider,
  type PaymentStartContext,
  type PaymentStart,
  type PaymentUrls,
  type RefundResult,
} from '@comptoir/contracts/payment_provider'
import { numericCurrency } from '#src/currencies'
import { LyraRestClient, type LyraTransaction, REFUND_KEY_FIELD } from '#src/lyra_rest_client'
import { formFields, translateNotification } from '#src/notification'
import { clusterLane, nextTransId, paymentFields } from '#src/payment_form'
import {
  DEFAULT_PAYMENT_PAGE_URL,
  DEFAULT_PAYMENT_WINDOW_MINUTES,
  DEFAULT_REST_API_URL,
  keyOf,
  restPasswordOf,
  type SystempaySettings,
} from '#src/settings'
import { signed } from '#src/signature'
import { textsFor } from '#src/texts'

/** The card brands shown with the method, in display order. */
const BRANDS = [
  { name: 'CB', file: 'resources/logos/cb.svg' },
  { name: 'Visa', file: 'resources/logos/visa.svg' },
  { name: 'Mastercard', file: 'resources/logos/mastercard.svg' },
] as const

/**
 * Card payment on Systempay's hosted page (PayZen and other Lyra gateways
 * alike): the core posts a signed form to the gateway, the gateway tells the
 * shop the outcome in a signed IPN, the only source of truth. The shopper's
 * return only shows the order's state (the default `handleReturn`). Refunds
 * go through Lyra's REST API when the merchant gave its password; without
 * it the merchant refunds in the Lyra back office and records it here.
 */
export class SystempayPayment extends PaymentProvider {
  readonly code = 'systempay'

  constructor(
    protected settings: SystempaySettings,
    protected clock: () => Date = () => new Date()
  ) {
    super()
  }

  label(locale: Locale) {
    return textsFor(locale)('label')
  }

  logos(_locale: Locale): PaymentLogo[] {
    return BRANDS.map((brand) => ({ ...brand }))
  }

  paymentWindowHours() {
    return (this.settings.paymentWindowMinutes ?? DEFAULT_PAYMENT_WINDOW_MINUTES) / 60
  }

  formTargets() {
    return [new URL(this.paymentPageUrl()).origin]
  }

  async isAvailable(context: PaymentAvailabilityContext) {
    return numericCurrency(context.total.currency) !== null && this.signingKey() !== null
  }

  async start(
    order: OrderSnapshot,
    locale: Locale,
    urls: PaymentUrls,
    { customer }: PaymentStartContext
  ): Promise<PaymentStart> {
    const key = this.signingKey()
    if (!key) throw new Error(`Systempay has no key for ${this.settings.mode} mode`)
    const now = this.clock()
    const transId = nextTransId(now, clusterLane())
    const fields = paymentFields({
      siteId: this.settings.siteId,
      mode: this.settings.mode,
      order,
      locale,
      urls,
      email: customer?.email ?? order.cart.customerEmail ?? null,
      now,
      transId,
    })
    return {
      kind: 'form',
      action: this.paymentPageUrl(),
      fields: signed(fields, key),
      reference: transId,
    }
  }

  async handleNotification(notification: PaymentNotification): Promise<PaymentEvent> {
    return translateNotification(formFields(notification.rawBody), this.settings)
  }

  /** Refunds need the REST password of the current mode; without it the merchant refunds by hand. */
  canRefund() {
    return restPasswordOf(this.settings) !== null
  }

  /**
   * Lyra's REST API has no idempotency key. Each refund is therefore a CREDIT
   * transaction of its own (`REFUND_ONLY`: a partial cancellation before
   * capture would lower the same debit again on a retry, with nothing to tell
   * it happened), tagged with our key in its metadata; before asking for a
   * refund we list the order's transactions and answer with the one already
   * tagged with this key, so a retry never refunds twice; when the refund
   * call gets no answer, the list is read again before giving up. (To check
   * on a Lyra test shop: that `Order/Get` returns the metadata given to the
   * refund; the key is in its public comment too.)
   * Before the bank capture (the night after the payment) Lyra refuses a
   * refund: the merchant tries again the next day or cancels in its back office.
   */
  async refund(attempt: PaymentAttempt, amount: Amount, key: string): Promise<RefundResult> {
    const client = this.restClient()
    if (!client) return { kind: 'unsupported' }
    if (!attempt.transactionId) return { kind: 'failed', reason: 'no Systempay transaction' }

    const done = await this.refundTaggedWith(client, attempt.order.reference, key)
    if (done && 'error' in done) return { kind: 'failed', reason: done.error }
    let credit: LyraTransaction | { error: string }
    try {
      credit = done ?? (await client.refund(attempt.transactionId, amount, key))
    } catch (error) {
      // No answer (timeout, connection cut): the refund may have been made all the same.
      const made = await this.refundTaggedWith(client, attempt.order.reference, key)
      if (!made || 'error' in made) throw error
      credit = made
    }
    if ('error' in credit) return { kind: 'failed', reason: credit.error }
    if (credit.status === 'UNPAID') {
      return { kind: 'failed', reason: `refund refused (${credit.detailedStatus ?? 'unpaid'})` }
    }
    return {
      kind: 'refunded',
      refundId: credit.uuid,
      amount: { amount: credit.amount, currency: credit.currency },
    }
  }

  /** The order's refund already tagged with this key, if Lyra has one. */
  protected async refundTaggedWith(client: LyraRestClient, orderId: string, key: string) {
    const transactions = await client.orderTransactions(orderId)
    if ('error' in transactions) return transactions
    return transactions.find(
      (transaction) =>
        transaction.operationType === 'CREDIT' && transaction.metadata?.[REFUND_KEY_FIELD] === key
    )
  }

  protected paymentPageUrl() {
    return this.settings.paymentPageUrl || DEFAULT_PAYMENT_PAGE_URL
  }

  protected signingKey() {
    return keyOf(this.settings, this.settings.mode)
  }

  protected restClient() {
    const password = restPasswordOf(this.settings)
    if (!password) return null
    return new LyraRestClient({
      baseUrl: this.settings.restApiUrl || DEFAULT_REST_API_URL,
      siteId: this.settings.siteId,
      password,
    })
  }
}
