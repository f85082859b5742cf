import { inject } from '@adonisjs/core'
import i18nManager from '@adonisjs/i18n/services/main'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { formatAmount } from '@comptoir/contracts/formatting'
import type { CreditRefusal, CreditRequest } from '#domain/invoices'
import type { RefundMode, RefundRefusal } from '#domain/refunds'
import { lineEligibility } from '#domain/withdrawal/line_eligibility'
import {
  withdrawalRefund,
  type WithdrawalRefund,
  type WithdrawalRefundError,
} from '#domain/withdrawal/refund_amount'
import { canMoveWithdrawal, type WithdrawalSettings } from '#domain/withdrawal_handling'
import type { WithdrawalException } from '#domain/withdrawal_exceptions'
import Invoice from '#models/invoice'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import Refund from '#models/refund'
import Withdrawal from '#models/withdrawal'
import type WithdrawalLine from '#models/withdrawal_line'
import InvoiceService from '#services/invoices/invoice_service'
import OrderRefunds from '#services/orders/order_refunds'
import type { OrderActor } from '#services/orders/order_timeline'
import OrderWithdrawals, { exceptionsShown } from '#services/withdrawals/order_withdrawals'
import { formatCalendarDay } from '#support/calendar_days'
import type { Locale } from '#support/locale_paths'
import { lockOrder } from '#support/row_lock'
import { sqlTimestamp } from '#support/sql_timestamp'

/** What the merchant decides when refunding: the return cost (W-16) and a depreciation (W-17). */
export interface RefundChoices {
  readonly returnShipping: { readonly by: 'consumer' | 'trader'; readonly cost: number } | null
  readonly deduction: { readonly amount: number; readonly reason: string } | null
}

export type WithdrawalRefundRefusal =
  | WithdrawalRefundError
  | 'already_refunded'
  | 'refund_in_progress'
  | 'nothing_withdrawn'
  | 'not_paid'
  | 'amount_changed'
  | `credit_${CreditRefusal}`
  | RefundRefusal

/** A refund as it would be made: the rules' breakdown and the credit note behind it. */
export interface RefundPlan {
  readonly kind: 'plan'
  /** Goods, delivery (W-11, W-12), return cost (W-16) and deduction (W-17). */
  readonly refund: WithdrawalRefund
  /** What the credit note takes back; its total is the amount refunded (I-04). */
  readonly credit: CreditRequest
  readonly creditTotal: number
  /** Printed on the credit note, in the order's language. */
  readonly reason: string
  /** How the payment can go back (W-14: the original means first). */
  readonly modes: readonly RefundMode[]
}

export type RefundPlanOutcome =
  RefundPlan | { readonly kind: 'refused'; readonly reason: WithdrawalRefundRefusal }

export type WithdrawalRefundOutcome =
  | { readonly kind: 'refunded'; readonly withdrawal: Withdrawal; readonly amount: number }
  | { readonly kind: 'refused'; readonly reason: WithdrawalRefundRefusal; readonly detail?: string }

/** A claim on a refund older than this was left by a crash: another may be made. */
const STALE_CLAIM_MINUTES = 10

/**
 * Refunds a withdrawal (LEGAL.md W-10 to W-17, I-04): what the rules give
 * back for its units (withdrawalRefund), turned into one credit note through
 * OrderRefunds, through the payment's own provider or recorded as made by
 * hand (a bank transfer). A depreciation or a return label charged is
 * withheld on the credit note, so it says exactly what went back.
 */
@inject()
export default class WithdrawalRefunds {
  constructor(
    protected withdrawals: OrderWithdrawals,
    protected invoices: InvoiceService,
    protected refunds: OrderRefunds
  ) {}

  /** The refund these choices give, without making it. */
  async plan(withdrawalId: number, choices: RefundChoices): Promise<RefundPlanOutcome> {
    const withdrawal = await Withdrawal.query()
      .where('id', withdrawalId)
      .preload('lines')
      .firstOrFail()
    if (!canMoveWithdrawal(withdrawal.status, 'refunded')) return refused('already_refunded')
    const order = await Order.findOrFail(withdrawal.orderId)
    const [invoice, payment] = await Promise.all([
      Invoice.query().where('order_id', order.id).where('kind', 'invoice').first(),
      Payment.query()
        .where('order_id', order.id)
        .whereIn('status', ['captured', 'partially_refunded'])
        .orderBy('id', 'desc')
        .first(),
    ])
    if (!invoice || !payment) return refused('not_paid')

    const estimate = await this.breakdown(withdrawal, order, choices)
    if (estimate.kind === 'refused') return estimate
    const { refund } = estimate
    const creditable = await this.invoices.creditable(invoice)
    const shippingLeft = [...creditable.shipping.values()].reduce((sum, amount) => sum + amount, 0)
    const credit = creditRequest(refund, shippingLeft, this.labels(order))
    const outcome = await db.transaction((trx) => this.invoices.creditOutcome(trx, invoice, credit))
    if (outcome.kind === 'refused') return refused(`credit_${outcome.reason}`)
    return {
      kind: 'plan',
      refund,
      credit,
      creditTotal: outcome.amounts.totals.gross,
      reason: this.labels(order).reason(withdrawal),
      modes: await this.refunds.modesFor(payment),
    }
  }

  /**
   * What the rules give back for the withdrawal's units as things stand
   * (units that came back unsealed left out, W-18), with the merchant's
   * choices; the estimate before any choice shows what is owed.
   */
  async breakdown(
    withdrawal: Withdrawal,
    order: Order,
    choices: RefundChoices = { returnShipping: null, deduction: null },
    settings?: WithdrawalSettings
  ): Promise<
    | { kind: 'refund'; refund: WithdrawalRefund }
    | { kind: 'refused'; reason: WithdrawalRefundRefusal }
  > {
    const policy = settings ?? (await this.withdrawals.withdrawalSettings())
    if (!withdrawal.$preloaded.lines) await withdrawal.load('lines')
    const [lines, earlier] = await Promise.all([
      OrderLine.query().where('order_id', order.id).orderBy('position'),
      Withdrawal.query()
        .where('order_id', order.id)
        .where('status', 'refunded')
        .whereNot('id', withdrawal.id)
        .preload('lines'),
    ])
    // Units that came back unsealed are no longer withdrawn, if the exception was shown (W-18).
    const shown = exceptionsShown(order)
    const units = (entries: readonly WithdrawalLine[], line: OrderLine) =>
      entries
        .filter((entry) => entry.orderLineId === line.id)
        .filter(
          (entry) =>
            lineEligibility({
              exception: line.withdrawalException as WithdrawalException | null,
              shownBeforeOrder: shown.has(line.sku),
              unsealed: entry.unsealed,
            }).verdict !== 'excluded'
        )
        .reduce((sum, entry) => sum + entry.quantity, 0)
    const refundLines = lines.map((line) => ({
      key: line.id,
      paid: line.total,
      quantity: line.quantity,
      withdrawn: units(withdrawal.lines, line),
      withdrawnBefore: units(
        earlier.flatMap((other) => other.lines),
        line
      ),
    }))
    if (!refundLines.some((line) => line.withdrawn > 0)) return refused('nothing_withdrawn')
    const result = withdrawalRefund({
      currency: order.currency,
      lines: refundLines,
      delivery: {
        paid: order.shippingTotal,
        cheapestStandard: order.cheapestStandardShipping,
        partialPolicy: policy.partialDelivery,
      },
      informed: { ofRight: true, bearsReturnCost: policy.returnCost === 'consumer' },
      returnShipping: choices.returnShipping,
      deduction: choices.deduction,
    })
    return result.ok ? { kind: 'refund', refund: result.refund } : refused(result.error)
  }

  /**
   * Makes the refund the merchant saw (`expectedTotal`): claimed first, one
   * withdrawal of an order at a time, so the plan sees those refunded before
   * it (W-12: the last one brings the delivery back) and two members of staff
   * cannot both make it; then OrderRefunds issues the credit note, moves the
   * payment and marks the withdrawal refunded in the same transaction.
   */
  async refund(
    withdrawalId: number,
    choices: RefundChoices,
    mode: RefundMode,
    expectedTotal: number,
    actor: OrderActor
  ): Promise<WithdrawalRefundOutcome> {
    const claimed = await this.claim(withdrawalId)
    if (claimed !== 'claimed') return refused(claimed)
    try {
      const plan = await this.plan(withdrawalId, choices)
      if (plan.kind === 'refused') return plan
      if (plan.creditTotal !== expectedTotal) return refused('amount_changed')
      const withdrawal = await Withdrawal.findOrFail(withdrawalId)
      // The merchant's choices, shown with the refund once it is made.
      withdrawal.merge({
        returnShipping: plan.refund.returnShipping,
        deductionAmount: plan.refund.deduction?.amount ?? null,
        deductionReason: plan.refund.deduction?.reason ?? null,
      })
      await withdrawal.save()
      const outcome = await this.refunds.refund(
        withdrawal.orderId,
        { credit: plan.credit, reason: plan.reason, mode, withdrawalId },
        actor
      )
      if (outcome.kind === 'refused') {
        return {
          kind: 'refused',
          reason: outcome.reason,
          ...(outcome.detail ? { detail: outcome.detail } : {}),
        }
      }
      await withdrawal.refresh()
      return { kind: 'refunded', withdrawal, amount: outcome.refund.amount }
    } finally {
      // Cleared with the refund when made; else let the next attempt in.
      await db.from('withdrawals').where('id', withdrawalId).update({ refund_claimed_at: null })
    }
  }

  /**
   * Takes the refunds of the withdrawal's order for this request, under the
   * order's lock, or says who has them: another withdrawal's refund being
   * made, or a refund still awaiting its provider.
   */
  private async claim(withdrawalId: number) {
    const { orderId } = await Withdrawal.findOrFail(withdrawalId)
    const now = DateTime.now()
    return db.transaction(async (trx) => {
      await lockOrder(trx, orderId)
      const withdrawal = await Withdrawal.findOrFail(withdrawalId, { client: trx })
      if (withdrawal.status === 'refunded') return 'already_refunded' as const
      const [claimedByOther, pending] = await Promise.all([
        Withdrawal.query({ client: trx })
          .where('order_id', orderId)
          .where(
            'refund_claimed_at',
            '>=',
            sqlTimestamp(now.minus({ minutes: STALE_CLAIM_MINUTES }))
          )
          .first(),
        Refund.query({ client: trx }).where('order_id', orderId).where('status', 'pending').first(),
      ])
      if (claimedByOther || pending) return 'refund_in_progress' as const
      await trx
        .from('withdrawals')
        .where('id', withdrawalId)
        .update({ refund_claimed_at: sqlTimestamp(now) })
      return 'claimed' as const
    })
  }

  /** The credit note's texts, in the order's language. */
  private labels(order: Order) {
    const locale = order.locale as Locale
    const i18n = i18nManager.locale(locale)
    const money = (amount: number) => formatAmount({ amount, currency: order.currency }, locale)
    return {
      reason: (withdrawal: Withdrawal) =>
        i18n.t('withdrawals.credit.reason', {
          id: withdrawal.id,
          date: formatCalendarDay(withdrawal.notifiedOn, locale),
          number: order.number,
        }),
      deduction: (reason: string) => i18n.t('withdrawals.credit.deduction', { reason }),
      returnLabel: (amount: number) =>
        i18n.t('withdrawals.credit.return_label', { amount: money(amount) }),
    }
  }
}

/**
 * The credit note of a withdrawal refund: the units; the delivery share as
 * the delivery itself when it is all that is left of it, else as an amount,
 * with the consumer's return cost refunded; and, withheld from the goods,
 * the depreciation and a return label charged to the consumer.
 */
export function creditRequest(
  refund: WithdrawalRefund,
  shippingLeft: number,
  labels: { deduction: (reason: string) => string; returnLabel: (amount: number) => string }
): CreditRequest {
  const wholeDelivery = refund.delivery > 0 && refund.delivery === shippingLeft
  const amount = (wholeDelivery ? 0 : refund.delivery) + Math.max(refund.returnShipping, 0)
  const label = Math.max(-refund.returnShipping, 0)
  const withheld = [
    refund.deduction
      ? { amount: refund.deduction.amount, reason: labels.deduction(refund.deduction.reason) }
      : null,
    label > 0 ? { amount: label, reason: labels.returnLabel(label) } : null,
  ].filter((entry) => entry !== null)
  return {
    lines: refund.lines.map((line) => ({ orderLineId: Number(line.key), quantity: line.units })),
    ...(wholeDelivery ? { shipping: true } : {}),
    ...(amount > 0 ? { amount } : {}),
    ...(withheld.length
      ? {
          withheld: {
            amount: withheld.reduce((sum, entry) => sum + entry.amount, 0),
            reason: withheld.map((entry) => entry.reason).join(' ; '),
          },
        }
      : {}),
  }
}

function refused(reason: WithdrawalRefundRefusal): {
  kind: 'refused'
  reason: WithdrawalRefundRefusal
} {
  return { kind: 'refused', reason }
}
