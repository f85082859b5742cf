import { randomUUID } from 'node:crypto'
import { inject } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type { RefundResult } from '@comptoir/contracts/payment_provider'
import type { CreditRequest } from '#domain/invoices'
import { canMoveOrder } from '#domain/order_status'
import { refundOutcome } from '#domain/payment_status'
import { refundModes, type RefundMode, type RefundRefusal } from '#domain/refunds'
import Invoice from '#models/invoice'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import Refund from '#models/refund'
import Shipment from '#models/shipment'
import Withdrawal from '#models/withdrawal'
import PaymentOptions from '#services/checkout/payment_options'
import CouponService from '#services/coupon_service'
import InvoiceService, { documentYear } from '#services/invoices/invoice_service'
import { prepareDocumentSequence } from '#services/orders/document_numbers'
import OrderTimeline, { type OrderActor } from '#services/orders/order_timeline'
import PaymentLedger from '#services/orders/payment_ledger'
import { orderSnapshot } from '#services/orders/order_snapshot'
import StockAllocation from '#services/orders/stock_allocation'
import { paymentAttempt } from '#services/payments/payment_attempt'
import { lockForUpdate, lockOrder } from '#support/row_lock'

export interface RefundRequest {
  /** What the credit note takes back; its total is the amount refunded. */
  readonly credit: CreditRequest
  readonly reason: string
  readonly mode: RefundMode
  /**
   * Names the merchant's request (the form's one-time key): the same request
   * sent twice (a double click, a resubmitted form) is one refund.
   */
  readonly requestKey?: string
  /** The withdrawal this refund pays back: marked refunded when the money is (W-10). */
  readonly withdrawalId?: number
}

export type RefundOutcome =
  | { readonly kind: 'refunded'; readonly refund: Refund }
  | { readonly kind: 'refused'; readonly reason: RefundRefusal; readonly detail?: string }

/**
 * Gives money back on a paid order, always with a credit note for exactly
 * that amount (LEGAL.md I-04) and a transition of its payment
 * (captured → partially refunded → refunded).
 *
 * A manual refund is recorded in one transaction. A provider refund runs in
 * three steps so no database transaction waits on the network: the refund is
 * reserved (`pending`, one at a time per order, with its idempotency key),
 * the provider is asked, and its answer recorded (credit note, payment) or
 * the reservation marked failed. A reservation left pending by a crash is
 * settled again with the same key, which the provider deduplicates.
 */
@inject()
export default class OrderRefunds {
  /** How long a provider may take to answer a refund before it is asked again later. */
  static providerTimeoutMs = 20_000

  constructor(
    protected paymentOptions: PaymentOptions,
    protected ledger: PaymentLedger,
    protected timeline: OrderTimeline,
    protected invoices: InvoiceService,
    protected stock: StockAllocation,
    protected coupons: CouponService
  ) {}

  /** Refunds part or all of a paid order. */
  refund(orderId: number, request: RefundRequest, actor: OrderActor): Promise<RefundOutcome> {
    return this.run(orderId, request, actor, false)
  }

  /**
   * Cancels a paid order nothing of which has shipped: everything still
   * invoiced is refunded and credited, its stock and coupon use given back.
   */
  cancelPaid(
    orderId: number,
    request: Omit<RefundRequest, 'credit'>,
    actor: OrderActor
  ): Promise<RefundOutcome> {
    return this.run(orderId, { ...request, credit: { balance: true } }, actor, true)
  }

  /** How this captured payment can be refunded now (LEGAL.md W-14: by its own means first). */
  async modesFor(payment: Payment): Promise<RefundMode[]> {
    return refundModes({
      hasInstructions: payment.instructions !== null,
      providerCanRefund: await this.providerCanRefund(payment.methodCode),
    })
  }

  private async providerCanRefund(methodCode: string): Promise<boolean> {
    const provider = await this.paymentOptions.provider(methodCode)
    return provider?.canRefund() ?? false
  }

  /**
   * Asks the provider for a refund still pending and records its answer;
   * a refund already settled is returned as it is.
   */
  async settle(refundId: number): Promise<RefundOutcome> {
    const refund = await Refund.findOrFail(refundId)
    if (refund.status === 'completed') return { kind: 'refunded', refund }
    if (refund.status === 'failed') return refusedBy(refund)
    const answer = await this.askProvider(refund)
    // No answer in time: the provider may still have paid; the refund stays
    // pending and is asked again, with the same key, later.
    if (answer.kind === 'no_answer') return refused('provider_no_answer')
    await prepareDocumentSequence('AV', documentYear())
    return db.transaction(async (trx) => {
      await lockOrder(trx, refund.orderId)
      const pending = await lockForUpdate(
        Refund.query({ client: trx }).where('id', refund.id),
        trx
      ).firstOrFail()
      if (pending.status !== 'pending') {
        return pending.status === 'completed'
          ? { kind: 'refunded', refund: pending }
          : refusedBy(pending)
      }
      if (answer.kind === 'refunded') return this.complete(trx, pending, answer.refundId)
      return this.fail(trx, pending, answer)
    })
  }

  private async run(
    orderId: number,
    request: RefundRequest,
    actor: OrderActor,
    cancelsOrder: boolean
  ): Promise<RefundOutcome> {
    await prepareDocumentSequence('AV', documentYear())
    // Asked before the transaction: the plugin registry reads the database.
    const captured = await Payment.query()
      .where('order_id', orderId)
      .whereIn('status', ['captured', 'partially_refunded'])
      .orderBy('id', 'desc')
      .first()
    const providerCanRefund = captured ? await this.providerCanRefund(captured.methodCode) : false
    const reserved = await db.transaction(async (trx) => {
      const outcome = await this.reserve(
        trx,
        orderId,
        request,
        actor,
        cancelsOrder,
        providerCanRefund
      )
      // A provider refund completes once the provider answers; a request made
      // again returns its refund as it stands.
      if (outcome.kind === 'refused' || request.mode === 'provider') return outcome
      if (outcome.refund.status !== 'pending') return outcome
      return this.complete(trx, outcome.refund, null)
    })
    if (reserved.kind === 'refused' || request.mode === 'manual') return reserved
    return this.settle(reserved.refund.id)
  }

  /**
   * Checks the refund under the order's lock and records it pending: the
   * order is paid, no other refund awaits its provider, the credit note can
   * be issued and its amount is still on the payment.
   */
  private async reserve(
    trx: TransactionClientContract,
    orderId: number,
    request: RefundRequest,
    actor: OrderActor,
    cancelsOrder: boolean,
    providerCanRefund: boolean
  ): Promise<RefundOutcome> {
    const order = await lockOrder(trx, orderId)
    const idempotencyKey = `refund-${request.requestKey ?? randomUUID()}`
    const same = await Refund.query({ client: trx })
      .where('idempotency_key', idempotencyKey)
      .first()
    if (same) return same.status === 'failed' ? refusedBy(same) : { kind: 'refunded', refund: same }
    if (!order.paidAt) return refused('not_paid')
    const pending = await Refund.query({ client: trx })
      .where('order_id', order.id)
      .where('status', 'pending')
      .first()
    if (pending) return refused('refund_in_progress')
    if (cancelsOrder && !(await this.cancellable(trx, order))) return refused('already_shipped')

    const payment = await lockForUpdate(
      Payment.query({ client: trx })
        .where('order_id', order.id)
        .whereIn('status', ['captured', 'partially_refunded'])
        .orderBy('id', 'desc'),
      trx
    ).first()
    const invoice = await Invoice.query({ client: trx })
      .where('order_id', order.id)
      .where('kind', 'invoice')
      .first()
    if (!payment || !invoice) return refused('nothing_to_refund')
    const modes = refundModes({ hasInstructions: payment.instructions !== null, providerCanRefund })
    if (!modes.includes(request.mode)) {
      return refused('provider_cannot_refund')
    }

    const credit = await this.invoices.creditOutcome(trx, invoice, request.credit)
    if (credit.kind === 'refused') return refused(`credit_${credit.reason}`)
    const amount = credit.amounts.totals.gross
    if (!refundOutcome(payment.amount, payment.refundedAmount, amount)) {
      return refused('amount_exceeded')
    }

    const refund = await Refund.create(
      {
        orderId: order.id,
        paymentId: payment.id,
        creditNoteId: null,
        status: 'pending',
        mode: request.mode,
        amount,
        currency: order.currency,
        request: request.credit,
        cancelsOrder,
        reason: request.reason,
        withdrawalId: request.withdrawalId ?? null,
        idempotencyKey,
        providerRefundId: null,
        failure: null,
        actor: actor.label,
        completedAt: null,
      },
      { client: trx }
    )
    return { kind: 'refunded', refund }
  }

  /**
   * Records the money as given back: the credit note, the payment's refunded
   * amount and state, and the order's end when nothing is left (refunded) or
   * when the refund cancels it (stock and coupon given back).
   */
  private async complete(
    trx: TransactionClientContract,
    refund: Refund,
    providerRefundId: string | null
  ): Promise<RefundOutcome> {
    const order = await lockOrder(trx, refund.orderId)
    const actor: OrderActor = { label: refund.actor }
    const invoice = await Invoice.query({ client: trx })
      .where('order_id', order.id)
      .where('kind', 'invoice')
      .firstOrFail()
    const creditNote = await this.invoices.issueCreditNote(trx, invoice, {
      ...refund.request,
      reason: refund.reason,
      actor,
    })
    // The note is rebuilt from the request under the order's lock: it must be the money reserved.
    if (creditNote.totalGross !== refund.amount) {
      throw new Error(
        `Refund ${refund.id}: credit note ${creditNote.number} is ${creditNote.totalGross}, not ${refund.amount}`
      )
    }
    const payment = await lockForUpdate(
      Payment.query({ client: trx }).where('id', refund.paymentId),
      trx
    ).firstOrFail()
    const paymentState = refundOutcome(payment.amount, payment.refundedAmount, refund.amount)
    // Checked when reserved, under the same lock; a pending refund blocks any other.
    if (!paymentState) throw new Error(`Refund ${refund.id} exceeds payment ${payment.id}`)
    payment.refundedAmount += refund.amount
    await this.ledger.move(trx, order, payment, paymentState, {
      actor,
      amount: refund.amount,
      eventId: providerRefundId ?? undefined,
    })

    refund.useTransaction(trx)
    refund.merge({
      status: 'completed',
      creditNoteId: creditNote.id,
      providerRefundId,
      completedAt: DateTime.now(),
    })
    await refund.save()
    if (refund.withdrawalId !== null) await this.withdrawalRefunded(trx, order, refund)

    if (refund.cancelsOrder) {
      await this.stock.releaseOrder(trx, order)
      await this.coupons.release(trx, order.id)
      order.cancelledAt = DateTime.now()
      await this.timeline.move(trx, order, 'cancelled', actor)
      const lines = await OrderLine.query({ client: trx }).where('order_id', order.id)
      trx.after('commit', () =>
        emitter.emit('order:cancelled', {
          order: orderSnapshot(order, lines),
          reason: refund.reason,
        })
      )
    } else if (paymentState === 'refunded' && canMoveOrder(order.status, 'refunded')) {
      await this.timeline.move(trx, order, 'refunded', actor)
    }
    return { kind: 'refunded', refund }
  }

  /**
   * Marks the withdrawal the refund pays back refunded, with the money: a
   * provider answering late (settled from the order page) marks it too.
   */
  private async withdrawalRefunded(trx: TransactionClientContract, order: Order, refund: Refund) {
    const withdrawal = await Withdrawal.findOrFail(refund.withdrawalId, { client: trx })
    withdrawal.merge({
      status: 'refunded',
      refundId: refund.id,
      refundedAt: refund.completedAt,
      refundClaimedAt: null,
    })
    await withdrawal.save()
    await this.timeline.record(trx, order, {
      type: 'note',
      actor: { label: refund.actor },
      note: `withdrawal #${withdrawal.id} refunded: ${refund.amount} (${refund.mode})`,
    })
  }

  private async fail(
    trx: TransactionClientContract,
    refund: Refund,
    answer: Exclude<RefundResult, { kind: 'refunded' }> | { kind: 'unavailable' }
  ): Promise<RefundOutcome> {
    const reason: RefundRefusal =
      answer.kind === 'unavailable'
        ? 'provider_unavailable'
        : answer.kind === 'unsupported'
          ? 'provider_cannot_refund'
          : 'provider_failed'
    const detail = answer.kind === 'failed' ? answer.reason.slice(0, 400) : null
    refund.useTransaction(trx)
    refund.merge({ status: 'failed', failure: detail ? `${reason}: ${detail}` : reason })
    await refund.save()
    const order = await Order.findOrFail(refund.orderId, { client: trx })
    await this.timeline.record(trx, order, {
      type: 'payment',
      actor: { label: refund.actor },
      note: `refund of ${refund.amount} not made: ${refund.failure}`,
    })
    return refusedBy(refund)
  }

  /** The provider's answer; a provider gone or throwing is an answer too, never a crash. */
  private async askProvider(
    refund: Refund
  ): Promise<RefundResult | { kind: 'unavailable' } | { kind: 'no_answer' }> {
    const payment = await Payment.findOrFail(refund.paymentId)
    const provider = await this.paymentOptions.provider(payment.methodCode)
    if (!provider) return { kind: 'unavailable' }
    const attempt = await paymentAttempt(payment)
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<{ kind: 'no_answer' }>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'no_answer' }), OrderRefunds.providerTimeoutMs)
    })
    try {
      return await Promise.race([
        provider.refund(
          attempt,
          { amount: refund.amount, currency: refund.currency },
          refund.idempotencyKey
        ),
        timeout,
      ])
    } catch (error) {
      logger.error({ err: error, refund: refund.id }, 'payment provider failed to refund')
      return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) }
    } finally {
      clearTimeout(timer)
    }
  }

  /** A paid order nothing of which has left the warehouse or the shop. */
  private async cancellable(trx: TransactionClientContract, order: Order) {
    if (!canMoveOrder(order.status, 'cancelled')) return false
    const parcel = await Shipment.query({ client: trx }).where('order_id', order.id).first()
    return parcel === null
  }
}

function refused(reason: RefundRefusal): RefundOutcome {
  return { kind: 'refused', reason }
}

/** A failed refund as the refusal its failure names ("provider_failed: card expired"). */
function refusedBy(refund: Refund): RefundOutcome {
  const [reason, ...detail] = (refund.failure ?? 'provider_failed').split(': ')
  return {
    kind: 'refused',
    reason: reason as RefundRefusal,
    ...(detail.length ? { detail: detail.join(': ') } : {}),
  }
}
