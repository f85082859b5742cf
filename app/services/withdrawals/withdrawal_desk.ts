import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { lineEligibility } from '#domain/withdrawal/line_eligibility'
import type { WithdrawalRefund } from '#domain/withdrawal/refund_amount'
import {
  lateRefundSurcharge,
  refundDue,
  type LateRefundSurcharge,
  type RefundDue,
} from '#domain/withdrawal/refund_timing'
import { parisDate } from '#domain/paris_time'
import {
  canMoveWithdrawal,
  refundAlert,
  type WithdrawalSettings,
  type WithdrawalStatus,
} from '#domain/withdrawal_handling'
import type { WithdrawalException } from '#domain/withdrawal_exceptions'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import Refund from '#models/refund'
import Withdrawal from '#models/withdrawal'
import WithdrawalLine from '#models/withdrawal_line'
import OrderTimeline, { type OrderActor } from '#services/orders/order_timeline'
import OrderWithdrawals, { exceptionsShown } from '#services/withdrawals/order_withdrawals'
import WithdrawalRefunds from '#services/withdrawals/withdrawal_refunds'
import { lockForUpdate } from '#support/row_lock'

const PER_PAGE = 30

/** A step of the goods coming back, or why it cannot be recorded. */
export type WithdrawalStepOutcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'refused'; readonly reason: 'invalid_step' | 'date_out_of_range' }

/** When a withdrawal's refund falls due, and what being late costs (W-10, W-13, W-15). */
export interface WithdrawalDueFacts {
  readonly due: RefundDue
  readonly alert: 'late' | 'due_soon' | null
  /** Some withdrawn units had shipped: they have to come back (W-13). */
  readonly goodsToReturn: boolean
  /** The refund the rules give as things stand, before any deduction. */
  readonly estimate: WithdrawalRefund | null
  /** Late: owed on top if refunded today (or as it was refunded). */
  readonly surcharge: LateRefundSurcharge | null
}

export interface WithdrawalRow {
  readonly withdrawal: Withdrawal
  readonly facts: WithdrawalDueFacts
}

/**
 * Withdrawals in the back office: the list with each refund's due date, the
 * dashboard's alerts, and the goods coming back (proof of shipment, receipt
 * with sealed goods inspected). Refunds go through WithdrawalRefunds.
 */
@inject()
export default class WithdrawalDesk {
  constructor(
    protected withdrawals: OrderWithdrawals,
    protected refunds: WithdrawalRefunds,
    protected timeline: OrderTimeline
  ) {}

  /** Those not refunded first, the oldest notification first; filtered by status or order. */
  async list(filters: { status?: WithdrawalStatus; order?: string; page: number }) {
    const query = Withdrawal.query()
      .preload('order')
      .preload('lines')
      .orderByRaw("case when status = 'refunded' then 1 else 0 end")
      .orderBy('notified_on')
      .orderBy('id')
    if (filters.status) query.where('status', filters.status)
    if (filters.order) {
      query.whereHas('order', (orders) => orders.where('number', filters.order!))
    }
    const page = await query.paginate(filters.page, PER_PAGE)
    const facts = await this.factsOf(page.all())
    return {
      page,
      rows: page.all().map((withdrawal) => ({ withdrawal, facts: facts.get(withdrawal.id)! })),
    }
  }

  /** One withdrawal with its order, lines, refund and due facts. */
  async detail(id: number) {
    const withdrawal = await Withdrawal.query()
      .where('id', id)
      .preload('order')
      .preload('lines')
      .firstOrFail()
    const [orderLines, refund, facts, settings] = await Promise.all([
      OrderLine.query().where('order_id', withdrawal.orderId).orderBy('position'),
      withdrawal.refundId ? Refund.find(withdrawal.refundId) : null,
      this.factsOf([withdrawal]),
      this.withdrawals.withdrawalSettings(),
    ])
    const shown = exceptionsShown(withdrawal.order)
    const lines = withdrawal.lines.map((entry) => {
      const line = orderLines.find((candidate) => candidate.id === entry.orderLineId)!
      return {
        entry,
        line,
        eligibility: lineEligibility({
          exception: line.withdrawalException as WithdrawalException | null,
          shownBeforeOrder: shown.has(line.sku),
          unsealed: entry.unsealed,
        }),
      }
    })
    return { withdrawal, order: withdrawal.order, lines, refund, facts: facts.get(id)!, settings }
  }

  /** The withdrawals of one order, for its back-office page. */
  forOrder(orderId: number) {
    return Withdrawal.query().where('order_id', orderId).preload('lines').orderBy('id')
  }

  /**
   * Refunds the merchant must make now: late ones (with what the delay
   * costs, W-15) and those due within three days, the most urgent first.
   */
  async alerts(): Promise<WithdrawalRow[]> {
    const open = await Withdrawal.query()
      .whereNot('status', 'refunded')
      .preload('order')
      .preload('lines')
      .orderBy('notified_on')
      .limit(500)
    const facts = await this.factsOf(open)
    return open
      .map((withdrawal) => ({ withdrawal, facts: facts.get(withdrawal.id)! }))
      .filter((row) => row.facts.alert !== null)
      .sort((a, b) => dueDay(a.facts.due).localeCompare(dueDay(b.facts.due)))
  }

  /** The consumer's proof that he sent the goods back, dated (W-13). */
  markShippedBack(id: number, day: string, actor: OrderActor) {
    return this.step(id, 'goods_shipped_back', day, actor, (withdrawal) => {
      withdrawal.goodsShippedBackOn = DateTime.fromISO(day)
      return `withdrawal #${withdrawal.id}: proof of shipment dated ${day}`
    })
  }

  /**
   * The goods back in the merchant's hands, and how sealed goods came back
   * (W-18 5°, 9°): those ticked unsealed are no longer withdrawn.
   */
  markReceived(id: number, day: string, unsealedLineIds: readonly number[], actor: OrderActor) {
    return this.step(id, 'goods_received', day, actor, async (withdrawal, trx) => {
      withdrawal.goodsReceivedOn = DateTime.fromISO(day)
      const lines = await WithdrawalLine.query({ client: trx })
        .where('withdrawal_id', withdrawal.id)
        .preload('orderLine')
      for (const line of lines) {
        if (!line.orderLine.withdrawalException?.startsWith('sealed_')) continue
        line.useTransaction(trx)
        line.unsealed = unsealedLineIds.includes(line.orderLineId)
        await line.save()
      }
      const unsealed = lines.filter((line) => line.unsealed).map((line) => line.orderLine.sku)
      return (
        `withdrawal #${withdrawal.id}: goods received on ${day}` +
        (unsealed.length ? ` (unsealed: ${unsealed.join(', ')})` : '')
      )
    })
  }

  private async step(
    id: number,
    to: 'goods_shipped_back' | 'goods_received',
    day: string,
    actor: OrderActor,
    apply: (withdrawal: Withdrawal, trx: TransactionClientContract) => string | Promise<string>
  ): Promise<WithdrawalStepOutcome> {
    return db.transaction(async (trx) => {
      const withdrawal = await lockForUpdate(
        Withdrawal.query({ client: trx }).where('id', id),
        trx
      ).firstOrFail()
      if (!canMoveWithdrawal(withdrawal.status, to) || withdrawal.refundClaimedAt) {
        return { kind: 'refused', reason: 'invalid_step' }
      }
      const today = parisDate(DateTime.now())
      if (day < parisDate(withdrawal.sentAt) || day > today) {
        return { kind: 'refused', reason: 'date_out_of_range' }
      }
      withdrawal.useTransaction(trx)
      const note = await apply(withdrawal, trx)
      withdrawal.status = to
      await withdrawal.save()
      const order = await Order.findOrFail(withdrawal.orderId, { client: trx })
      await this.timeline.record(trx, order, { type: 'note', actor, note })
      return { kind: 'done' }
    })
  }

  /** The due facts of withdrawals whose orders are preloaded. */
  private async factsOf(withdrawals: readonly Withdrawal[]) {
    const facts = new Map<number, WithdrawalDueFacts>()
    if (!withdrawals.length) return facts
    const settings = await this.withdrawals.withdrawalSettings()
    const refunds = await Refund.query().whereIn(
      'id',
      withdrawals.flatMap((withdrawal) => (withdrawal.refundId ? [withdrawal.refundId] : []))
    )
    const today = parisDate(DateTime.now())
    for (const withdrawal of withdrawals) {
      // Only units withdrawn after they shipped come back (W-13).
      const goodsToReturn = withdrawal.lines.some((line) => line.quantity > line.unshippedQuantity)
      const due = refundDue({
        notifiedOn: withdrawal.notifiedOn.toISODate()!,
        goodsToReturn,
        goodsReceivedOn: withdrawal.goodsReceivedOn?.toISODate() ?? null,
        proofOfShipmentOn: withdrawal.goodsShippedBackOn?.toISODate() ?? null,
      })
      const refund = refunds.find((candidate) => candidate.id === withdrawal.refundId) ?? null
      const estimate = refund ? null : await this.estimate(withdrawal, settings)
      facts.set(withdrawal.id, {
        due,
        goodsToReturn,
        alert: refund ? null : refundAlert(due, today),
        estimate,
        surcharge: surchargeOf(due, today, withdrawal, refund, estimate, settings),
      })
    }
    return facts
  }

  private async estimate(withdrawal: Withdrawal, settings: WithdrawalSettings) {
    const outcome = await this.refunds.breakdown(withdrawal, withdrawal.order, undefined, settings)
    return outcome.kind === 'refund' ? outcome.refund : null
  }
}

/** The day a refund is due, or the earliest it can be while the goods are awaited. */
export function dueDay(due: RefundDue): string {
  return due.status === 'due' ? due.dueOn : due.earliestDueOn
}

/**
 * What a late refund adds (W-15): as of today while unpaid, or as of the
 * day it was made; null when on time or not due yet.
 */
function surchargeOf(
  due: RefundDue,
  today: string,
  withdrawal: Withdrawal,
  refund: Refund | null,
  estimate: WithdrawalRefund | null,
  settings: WithdrawalSettings
): LateRefundSurcharge | null {
  if (due.status !== 'due') return null
  const refundedOn = withdrawal.refundedAt ? parisDate(withdrawal.refundedAt) : today
  if (refundedOn <= due.dueOn) return null
  const amount = refund?.amount ?? estimate?.total
  if (!amount) return null
  return lateRefundSurcharge({
    dueOn: due.dueOn,
    refundedOn,
    amount,
    productPrice: estimate?.goods,
    legalInterestRateBp: settings.legalInterestRateBp,
  })
}
