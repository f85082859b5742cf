import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { PaymentEvent as ProviderEvent } from '@comptoir/contracts/payment_provider'
import Order from '#models/order'
import Payment from '#models/payment'
import PaymentEvent from '#models/payment_event'
import Refund from '#models/refund'
import { documentYear } from '#services/invoices/invoice_service'
import { prepareDocumentSequence } from '#services/orders/document_numbers'
import OrderPayments from '#services/orders/order_payments'
import OrderRefunds from '#services/orders/order_refunds'
import OrderTimeline, { type OrderActor } from '#services/orders/order_timeline'
import PaymentLedger from '#services/orders/payment_ledger'
import { lockOrder } from '#support/row_lock'

/**
 * What applying a provider event did:
 * - `paid`, `authorized`: the money is there (captured, or to capture);
 * - `held`: the provider's amount is not the order's: on hold for the merchant;
 * - `cancelled`: the payment failed or was given up, the order cancelled;
 * - `refunds`: the provider's refunds reconciled with the shop's;
 * - `late`: money for an order no longer waiting for it (cancelled, paid
 *   otherwise): noted on the order for the merchant to refund;
 * - `duplicate`: this event, or the state it reports, was already applied;
 * - `ignored`: nothing to do (no order, still in progress).
 */
export type CompletionOutcome =
  'paid' | 'authorized' | 'held' | 'cancelled' | 'refunds' | 'late' | 'duplicate' | 'ignored'

type Actionable = Exclude<ProviderEvent, { kind: 'ignored' | 'rejected' | 'pending' }>

/**
 * The one completion path for card payments. Whatever reports a payment
 * first (the shopper's return, the provider's notification, both at once, a
 * replay hours later) comes here: the order row is locked, an event id
 * already recorded is skipped, and the order's state is re-read under the
 * lock, so an order is paid once, with one invoice and one e-mail.
 */
@inject()
export default class PaymentCompletion {
  constructor(
    protected payments: OrderPayments,
    protected ledger: PaymentLedger,
    protected timeline: OrderTimeline,
    protected refunds: OrderRefunds
  ) {}

  async apply(
    providerCode: string,
    event: ProviderEvent,
    actor: OrderActor
  ): Promise<CompletionOutcome> {
    if (event.kind === 'ignored' || event.kind === 'rejected' || event.kind === 'pending') {
      return 'ignored'
    }
    const order = await Order.findBy('number', event.orderReference)
    if (!order) {
      logger.warn(
        { provider: providerCode, reference: event.orderReference },
        'payment event for no order'
      )
      return 'ignored'
    }
    if (event.kind === 'captured') await prepareDocumentSequence('FA', documentYear())
    // The shop's refunds still waiting for the provider's answer are settled
    // first (same idempotency keys, never paid twice), so the list is then
    // matched by refund id.
    if (event.kind === 'refunded') await this.settlePendingRefunds(order.id)
    return db.transaction(async (trx) => {
      const locked = await lockOrder(trx, order.id)
      if (event.eventId && (await this.seen(trx, providerCode, event.eventId))) return 'duplicate'
      const result = await this.act(trx, locked, providerCode, event, actor)
      if (event.eventId) {
        await PaymentEvent.create(
          {
            providerCode,
            eventId: event.eventId,
            orderId: locked.id,
            kind: event.kind,
            outcome: result,
          },
          { client: trx }
        )
      }
      return result
    })
  }

  private async act(
    trx: TransactionClientContract,
    order: Order,
    providerCode: string,
    event: Actionable,
    actor: OrderActor
  ): Promise<CompletionOutcome> {
    switch (event.kind) {
      case 'captured':
      case 'authorized':
        return this.received(trx, order, providerCode, event, actor)
      case 'failed':
      case 'cancelled':
        return this.ended(trx, order, providerCode, event, actor)
      case 'refunded':
        return this.refunded(trx, order, providerCode, event, actor)
    }
  }

  /** Money taken or reserved: checked against the order before anything moves. */
  private async received(
    trx: TransactionClientContract,
    order: Order,
    providerCode: string,
    event: Extract<ProviderEvent, { kind: 'captured' | 'authorized' }>,
    actor: OrderActor
  ): Promise<CompletionOutcome> {
    const payment = await this.payments.openPayment(order, trx)
    if (!payment || payment.methodCode !== providerCode || order.status === 'cancelled') {
      // Only the transaction that paid the order is a duplicate: another one
      // (a second session paid in an old tab) is money taken twice.
      if (order.paidAt && (await this.paidBy(trx, order, providerCode, event.transactionId))) {
        return 'duplicate'
      }
      return this.late(trx, order, providerCode, event, actor)
    }
    if (event.kind === 'authorized' && payment.status === 'authorized') return 'duplicate'
    const { amount, currency } = event.amount
    if (amount !== payment.amount || currency !== payment.currency) {
      if (order.status === 'on_hold') return 'duplicate'
      await this.timeline.move(trx, order, 'on_hold', actor)
      await this.timeline.record(trx, order, {
        type: 'payment',
        actor,
        note: `amount mismatch: ${providerCode} reports ${amount} ${currency} for ${payment.amount} ${payment.currency} (transaction ${event.transactionId})`,
      })
      return 'held'
    }
    const details = {
      actor,
      amount,
      eventId: event.eventId ?? undefined,
      transactionId: event.transactionId,
    }
    if (event.kind === 'authorized') {
      await this.ledger.move(trx, order, payment, 'authorized', details)
      return 'authorized'
    }
    await this.payments.recordPaid(trx, order, payment, actor, details)
    return 'paid'
  }

  /** The provider refused the payment or it was given up: the unpaid order is cancelled. */
  private async ended(
    trx: TransactionClientContract,
    order: Order,
    providerCode: string,
    event: Extract<ProviderEvent, { kind: 'failed' | 'cancelled' }>,
    actor: OrderActor
  ): Promise<CompletionOutcome> {
    const payment = await this.payments.openPayment(order, trx)
    // A failure of an attempt the order no longer waits on changes nothing,
    // nor does a refusal after an authorization (an earlier attempt's,
    // delivered late); an authorization cancelled (voided, expired) ends it.
    if (!payment || payment.methodCode !== providerCode) return 'duplicate'
    if (payment.status === 'authorized' && event.kind === 'failed') return 'duplicate'
    const reason = `payment ${event.kind === 'failed' ? 'refused' : 'cancelled'} (${providerCode}): ${event.reason}`
    const cancelled = await this.payments.cancelLocked(
      trx,
      order,
      actor,
      reason,
      event.kind,
      event.eventId ?? undefined
    )
    return cancelled ? 'cancelled' : 'duplicate'
  }

  /**
   * The provider lists the refunds of the payment. Those the shop made are
   * known by their provider id (those that were pending were settled just
   * before); any other was made outside
   * the shop (the provider's dashboard) and is noted for the merchant, who
   * issues its credit note.
   */
  private async refunded(
    trx: TransactionClientContract,
    order: Order,
    providerCode: string,
    event: Extract<ProviderEvent, { kind: 'refunded' }>,
    actor: OrderActor
  ): Promise<CompletionOutcome> {
    const known = await Refund.query({ client: trx })
      .where('order_id', order.id)
      .whereIn(
        'provider_refund_id',
        event.refunds.map((refund) => refund.refundId)
      )
      .select('provider_refund_id')
    const knownIds = new Set(known.map((refund) => refund.providerRefundId))
    const pending = await Refund.query({ client: trx })
      .where('order_id', order.id)
      .where('status', 'pending')
      .count('* as total')
    const unknown = event.refunds.filter((refund) => !knownIds.has(refund.refundId))
    // Unmatched refunds beyond the shop's refunds still pending (the provider
    // did not answer their settlement) were made elsewhere.
    for (const refund of unknown.slice(Number(pending[0].$extras.total))) {
      // Every later event lists it again: noted once, so its credit note is
      // recorded once (LEGAL.md I-04: a credit note is never deleted).
      const noted = `refund:${refund.refundId}`
      if (await this.seen(trx, providerCode, noted)) continue
      await PaymentEvent.create(
        { providerCode, eventId: noted, orderId: order.id, kind: 'refunded', outcome: 'refunds' },
        { client: trx }
      )
      await this.timeline.record(trx, order, {
        type: 'payment',
        actor,
        note: `refund ${refund.refundId} of ${refund.amount.amount} ${refund.amount.currency} made outside the shop: record it to issue its credit note`,
      })
    }
    return 'refunds'
  }

  /** Money for an order that no longer waits for it: never marked paid, flagged. */
  private async late(
    trx: TransactionClientContract,
    order: Order,
    providerCode: string,
    event: Extract<ProviderEvent, { kind: 'captured' | 'authorized' }>,
    actor: OrderActor
  ): Promise<CompletionOutcome> {
    logger.warn(
      { order: order.number, provider: providerCode, transaction: event.transactionId },
      'payment received for an order no longer waiting for it'
    )
    await this.timeline.record(trx, order, {
      type: 'payment',
      actor,
      note: `${event.kind} ${event.amount.amount} ${event.amount.currency} by ${providerCode} (transaction ${event.transactionId}) while the order is ${order.status}: refund it from the provider`,
    })
    return 'late'
  }

  private async paidBy(
    trx: TransactionClientContract,
    order: Order,
    providerCode: string,
    transactionId: string
  ) {
    const payment = await Payment.query({ client: trx })
      .where('order_id', order.id)
      .where('method_code', providerCode)
      .where('transaction_id', transactionId)
      .first()
    return payment !== null
  }

  private async settlePendingRefunds(orderId: number) {
    const pending = await Refund.query().where('order_id', orderId).where('status', 'pending')
    for (const refund of pending) await this.refunds.settle(refund.id)
  }

  private async seen(trx: TransactionClientContract, providerCode: string, eventId: string) {
    const row = await PaymentEvent.query({ client: trx })
      .where('provider_code', providerCode)
      .where('event_id', eventId)
      .first()
    return row !== null
  }
}
