import { inject } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { isTimely, withdrawalPeriod, type WithdrawalPeriod } from '#domain/withdrawal/period'
import { parisDate } from '#domain/paris_time'
import {
  DEFAULT_WITHDRAWAL_SETTINGS,
  goodsStart,
  statementProblem,
  unshippedUnitsWithdrawn,
  withdrawableLines,
  type WithdrawableLine,
  type WithdrawalChannel,
  type WithdrawalSettings,
} from '#domain/withdrawal_handling'
import type { WithdrawalException } from '#domain/withdrawal_exceptions'
import SendOrderEmail from '#jobs/send_order_email'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import Shipment from '#models/shipment'
import Withdrawal from '#models/withdrawal'
import WithdrawalLine from '#models/withdrawal_line'
import OrderTimeline, { SHOPPER, type OrderActor } from '#services/orders/order_timeline'
import { orderSnapshot } from '#services/orders/order_snapshot'
import type { OrderRecord } from '#services/orders/order_record'
import ShipmentService from '#services/orders/shipment_service'
import StockAllocation from '#services/orders/stock_allocation'
import SettingsService from '#services/settings_service'
import { lockForUpdate } from '#support/row_lock'

/** Order states the withdrawal function is offered in: paid, and not ended by a refund or a cancellation. */
const ENDED = ['pending_payment', 'cancelled', 'refunded']

/** What the consumer states (WF-04): who he is, the units, where the acknowledgement goes. */
export interface WithdrawalStatement {
  readonly consumerName: string
  readonly email: string
  readonly reason?: string | null
  readonly lines: readonly { orderLineId: number; quantity: number }[]
}

/**
 * How the statement reached the merchant: the online function (the server
 * clock dates it), or a letter or an e-mail staff enter with when it was
 * sent (W-07) and the day it arrived (W-10).
 */
export type WithdrawalSource =
  | { readonly channel: 'online' }
  | {
      readonly channel: Exclude<WithdrawalChannel, 'online'>
      readonly sentAt: DateTime
      readonly sentTimeKnown: boolean
      readonly receivedOn: string
      readonly actor: OrderActor
    }

export type WithdrawalOutcome =
  | { readonly kind: 'recorded'; readonly withdrawal: Withdrawal }
  | {
      readonly kind: 'refused'
      readonly reason: 'not_offered' | 'late' | 'empty' | 'not_withdrawable'
      /** For a late statement: the last day of the period that passed. */
      readonly lastDay?: string
    }

/** Where an order stands for its consumer's right of withdrawal. */
export interface WithdrawalState {
  readonly order: Order
  readonly lines: readonly OrderLine[]
  /** Paid and not cancelled nor refunded: the function is there (WF-01). */
  readonly offered: boolean
  readonly period: WithdrawalPeriod
  /** A statement made now is in time (W-07, W-08). */
  readonly open: boolean
  /** Each line with the units still withdrawable, in the order's line order. */
  readonly withdrawable: readonly (WithdrawableLine & { line: OrderLine })[]
  readonly unitsLeft: number
  /** Units of each line still to ship (ShipmentService.remaining). */
  readonly toShip: ReadonlyMap<number, number>
  /** Statements already made, oldest first, with their lines. */
  readonly withdrawals: readonly Withdrawal[]
}

/**
 * The consumer's right of withdrawal on an order (LEGAL.md W-03 to W-08,
 * W-18, WF-01 to WF-06): where its period stands, what is left to withdraw,
 * and the statements themselves. A statement is recorded under the order's
 * lock (no unit withdrawn twice), dated by the server clock or by the letter's
 * sending date, its units not shipped yet put back in stock, and acknowledged
 * by e-mail once committed.
 */
@inject()
export default class OrderWithdrawals {
  constructor(
    protected settings: SettingsService,
    protected shipments: ShipmentService,
    protected timeline: OrderTimeline,
    protected stock: StockAllocation
  ) {}

  /** The merchant's withdrawal settings, defaults filled in. */
  async withdrawalSettings(): Promise<WithdrawalSettings> {
    const { 'withdrawal.settings': stored } = await this.settings.all()
    return { ...DEFAULT_WITHDRAWAL_SETTINGS, ...stored }
  }

  /** Where the order stands, as of `now`. */
  async state(order: Order, now: DateTime = DateTime.now()): Promise<WithdrawalState> {
    const settings = await this.withdrawalSettings()
    return db.transaction((trx) => this.stateIn(trx, order, settings, now))
  }

  /**
   * Records a statement, or says why it cannot be: the order does not offer
   * the function, the period ended before it was sent (with that last day),
   * or the units are not (or no longer) withdrawable.
   */
  async submit(
    orderId: number,
    statement: WithdrawalStatement,
    source: WithdrawalSource
  ): Promise<WithdrawalOutcome> {
    const settings = await this.withdrawalSettings()
    // The instant the consumer confirmed, to the second as both databases keep it.
    const now = DateTime.now().startOf('second')
    // Stored in UTC (LEGAL.md §0): Lucid writes a DateTime in its own zone.
    const sentAt = (source.channel === 'online' ? now : source.sentAt).toUTC()
    const lines = statement.lines.filter((line) => line.quantity > 0)
    return db.transaction(async (trx) => {
      const order = await lockForUpdate(
        Order.query({ client: trx }).where('id', orderId),
        trx
      ).firstOrFail()
      const state = await this.stateIn(trx, order, settings, now)
      if (!state.offered) return refused('not_offered')
      if (!isTimely(state.period, sentAt)) {
        return {
          kind: 'refused',
          reason: 'late',
          lastDay: state.period.status === 'running' ? state.period.lastDay : undefined,
        }
      }
      const problem = statementProblem(state.withdrawable, lines)
      if (problem) return refused(problem)

      const withdrawal = await Withdrawal.create(
        {
          orderId: order.id,
          channel: source.channel,
          status: 'requested',
          consumerName: statement.consumerName,
          email: statement.email,
          reason: statement.reason || null,
          sentAt,
          sentTimeKnown: source.channel === 'online' || source.sentTimeKnown,
          notifiedOn: DateTime.fromISO(
            source.channel === 'online' ? parisDate(now) : source.receivedOn
          ),
          periodLastDay:
            state.period.status === 'running' ? DateTime.fromISO(state.period.lastDay) : null,
          goodsShippedBackOn: null,
          goodsReceivedOn: null,
          refundId: null,
          refundClaimedAt: null,
          returnShipping: null,
          deductionAmount: null,
          deductionReason: null,
          recordedBy: source.channel === 'online' ? null : source.actor.label,
          refundedAt: null,
        },
        { client: trx }
      )
      const withdrawn = await WithdrawalLine.createMany(
        lines.map((line) => {
          const ordered = state.lines.find((candidate) => candidate.id === line.orderLineId)!
          const withdrawnBefore = state.withdrawals
            .flatMap((earlier) => earlier.lines)
            .filter((earlier) => earlier.orderLineId === line.orderLineId)
            .reduce((sum, earlier) => sum + earlier.quantity, 0)
          return {
            withdrawalId: withdrawal.id,
            orderLineId: line.orderLineId,
            quantity: line.quantity,
            unshippedQuantity: unshippedUnitsWithdrawn(line.quantity, {
              quantity: ordered.quantity,
              toShip: state.toShip.get(line.orderLineId) ?? 0,
              withdrawnBefore,
            }),
            unsealed: null,
          }
        }),
        { client: trx }
      )
      // Units that will never ship go back to stock now (W-08).
      for (const line of withdrawn.filter((entry) => entry.unshippedQuantity > 0)) {
        await this.stock.releaseUnits(trx, order, line.orderLineId, line.unshippedQuantity)
      }
      const units = lines.map((line) => {
        const sku = state.lines.find((candidate) => candidate.id === line.orderLineId)!.sku
        return `${line.quantity} × ${sku}`
      })
      await this.timeline.record(trx, order, {
        type: 'note',
        actor: source.channel === 'online' ? SHOPPER : source.actor,
        note: `withdrawal #${withdrawal.id} (${source.channel}, sent ${sentAt.toUTC().toISO()}): ${units.join(', ')}`,
      })
      trx.after('commit', async () => {
        // The acknowledgement on a durable medium, at once (WF-06).
        await SendOrderEmail.queue({
          kind: 'withdrawal_acknowledgement',
          orderId: order.id,
          withdrawalId: withdrawal.id,
        })
        emitter.emit('withdrawal:requested', {
          order: orderSnapshot(order, state.lines),
          lineIds: lines.map((line) => line.orderLineId),
        })
      })
      return { kind: 'recorded', withdrawal }
    })
  }

  private async stateIn(
    trx: TransactionClientContract,
    order: Order,
    settings: WithdrawalSettings,
    now: DateTime
  ): Promise<WithdrawalState> {
    const [lines, shipments, remaining, withdrawals] = await Promise.all([
      OrderLine.query({ client: trx }).where('order_id', order.id).orderBy('position'),
      Shipment.query({ client: trx }).where('order_id', order.id).orderBy('id'),
      this.shipments.remaining(order.id, trx),
      Withdrawal.query({ client: trx })
        .where('order_id', order.id)
        .preload('lines')
        .orderBy('sent_at')
        .orderBy('id'),
    ])
    const withdrawn = new Map<number, number>()
    for (const line of withdrawals.flatMap((withdrawal) => withdrawal.lines)) {
      withdrawn.set(line.orderLineId, (withdrawn.get(line.orderLineId) ?? 0) + line.quantity)
    }
    // Units withdrawn before they shipped will not ship (`remaining` leaves them
    // out): they do not hold the period back.
    const awaitingShipment = [...remaining.values()].reduce((sum, units) => sum + units, 0)
    const period = withdrawalPeriod(
      goodsStart(
        shipments.map((shipment) =>
          shipment.deliveredAt ? parisDate(shipment.deliveredAt) : null
        ),
        awaitingShipment
      ),
      { calendar: settings.calendar }
    )
    const shown = exceptionsShown(order)
    const withdrawable = withdrawableLines(
      lines.map((line) => ({
        id: line.id,
        quantity: line.quantity,
        exception: line.withdrawalException as WithdrawalException | null,
        shownBeforeOrder: shown.has(line.sku),
        withdrawnBefore: withdrawn.get(line.id) ?? 0,
      }))
    ).map((entry, index) => ({ ...entry, line: lines[index] }))
    return {
      order,
      lines,
      offered: order.paidAt !== null && !ENDED.includes(order.status),
      period,
      open: isTimely(period, now),
      withdrawable,
      unitsLeft: withdrawable.reduce((sum, entry) => sum + entry.units, 0),
      toShip: remaining,
      withdrawals,
    }
  }
}

/**
 * The SKUs whose exception the order listed before the consumer ordered
 * (L221-5, W-18); none for an order recorded without that list.
 */
export function exceptionsShown(order: Order): Set<string> {
  const exceptions = (order.snapshot.withdrawal as OrderRecord['withdrawal'] | undefined)
    ?.exceptions
  return new Set((exceptions ?? []).map((line) => line.sku))
}

function refused(reason: 'not_offered' | 'empty' | 'not_withdrawable'): WithdrawalOutcome {
  return { kind: 'refused', reason }
}
