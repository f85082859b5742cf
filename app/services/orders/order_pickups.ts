import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import {
  MAX_WRONG_CODES,
  attemptsLeft,
  handoverLocked,
  handoverRefusal,
  normalizePickupCode,
  paysAtHandover,
  pickupStage,
  readyRefusal,
  type PickupOrderState,
} from '#domain/pickups'
import OrderException from '#exceptions/order_exception'
import SendOrderEmail from '#jobs/send_order_email'
import Order from '#models/order'
import OrderPickup from '#models/order_pickup'
import Payment from '#models/payment'
import Shipment from '#models/shipment'
import OrderPayments from '#services/orders/order_payments'
import OrderTimeline, { type OrderActor } from '#services/orders/order_timeline'
import {
  newPickupCode,
  pickupCodeDigest,
  sameDigest,
  sealPickupCode,
} from '#services/orders/pickup_codes'
import ShipmentService from '#services/orders/shipment_service'
import { lockOrder } from '#support/row_lock'

/**
 * Why staff could not do what they asked: a rule of #domain/pickups
 * (not_store_pickup, already_ready, locked…), a wrong code (with the tries
 * left), or the code of an OrderException the order services raised. Each
 * reads under pickups.refusals, or admin_orders.refusals for the latter.
 */
export type PickupOutcome =
  { kind: 'done' } | { kind: 'refused'; reason: string; attemptsLeft?: number }

const DONE: PickupOutcome = { kind: 'done' }

function refused(reason: string, left?: number): PickupOutcome {
  return left === undefined
    ? { kind: 'refused', reason }
    : { kind: 'refused', reason, attemptsLeft: left }
}

/** The pickup point is one of the merchant's stock places, not a carrier's relay point. */
function collectedInOwnShop(order: Order): boolean {
  return typeof order.pickupPoint?.stockPlaceId === 'number'
}

/** Whether the order was made ready for pickup: its e-mail then replaces the shipping one. */
export async function madeReadyForPickup(orderId: number): Promise<boolean> {
  return (await OrderPickup.query().where('order_id', orderId).select('id').first()) !== null
}

/**
 * Click & collect in the merchant's own shops. Staff make an order ready:
 * its parcel is prepared through ShipmentService (one path for what has
 * shipped) and the customer receives a pickup code by e-mail. At the counter
 * staff type the code the customer shows: the right one hands the parcel
 * over, delivered that day (the withdrawal period starts, LEGAL.md W-03),
 * with the payment confirmed for an order paid in store (OrderPayments).
 * Each write locks the order and checks the rules again.
 */
@inject()
export default class OrderPickups {
  constructor(
    protected shipments: ShipmentService,
    protected payments: OrderPayments,
    protected timeline: OrderTimeline
  ) {}

  /** What the order pages show of the pickup. The code itself is in the e-mail only. */
  async overview(order: Order) {
    if (!collectedInOwnShop(order)) return { storePickup: false, stage: 'not_ready' as const }
    const pickup = await OrderPickup.findBy('order_id', order.id)
    const state = await this.stateOf(order, pickup)
    const failed = pickup?.failedAttempts ?? 0
    return {
      storePickup: state.storePickup,
      stage: pickupStage(state),
      store: order.pickupPoint?.name ?? null,
      canMarkReady: readyRefusal(state) === null,
      paysAtHandover: paysAtHandover(state),
      readyAt: pickup?.readyAt ?? null,
      codeSentAt: pickup?.codeSentAt ?? null,
      collectedAt: pickup?.collectedAt ?? null,
      attemptsLeft: attemptsLeft(failed),
      locked: handoverLocked(failed),
      maxWrongCodes: MAX_WRONG_CODES,
    }
  }

  /**
   * Makes the order ready in its shop and e-mails the customer a new code.
   * A paid order's units left go into a parcel now; an order paid in store
   * ships at handover, once paid.
   */
  async markReady(orderId: number, actor: OrderActor): Promise<PickupOutcome> {
    const code = newPickupCode()
    const prepared = await db.transaction(async (trx) => {
      const order = await lockOrder(trx, orderId)
      const existing = await this.pickupOf(trx, order.id)
      const state = await this.stateOf(order, existing, trx)
      const refusal = readyRefusal(state)
      if (refusal) return { refusal }
      const now = DateTime.now()
      const pickup = existing ?? new OrderPickup()
      pickup.useTransaction(trx)
      pickup.merge({
        orderId: order.id,
        codeHash: pickupCodeDigest(order.id, code),
        failedAttempts: 0,
        codeSentAt: now,
        readyAt: now,
        collectedAt: null,
      })
      await pickup.save()
      return { pickup, paid: state.paid }
    })
    if (prepared.refusal) return refused(prepared.refusal)

    // Committed before the parcel leaves: the shipping e-mail's listener sees it and stays quiet.
    if (prepared.paid) {
      try {
        await this.shipEverythingLeft(orderId, actor)
      } catch (error) {
        // Compensation: the order is not ready after all.
        await OrderPickup.query().where('id', prepared.pickup.id).delete()
        return this.refusalOf(error)
      }
    }
    await db.transaction(async (trx) => {
      const order = await lockOrder(trx, orderId)
      await this.timeline.record(trx, order, {
        type: 'shipment',
        actor,
        note: `ready for pickup at ${order.pickupPoint?.name}, pickup code e-mailed`,
      })
      trx.after('commit', () => this.emailCode(order.id, code))
    })
    return DONE
  }

  /**
   * A new code e-mailed to the customer (lost e-mail, handover locked): the
   * previous code stops working and the wrong codes count from zero.
   */
  async sendNewCode(orderId: number, actor: OrderActor): Promise<PickupOutcome> {
    const code = newPickupCode()
    return db.transaction(async (trx) => {
      const order = await lockOrder(trx, orderId)
      const pickup = await this.pickupOf(trx, order.id)
      const state = await this.stateOf(order, pickup, trx)
      if (!pickup || pickupStage(state) !== 'ready') return refused('not_ready')
      pickup.useTransaction(trx)
      pickup.merge({
        codeHash: pickupCodeDigest(order.id, code),
        failedAttempts: 0,
        codeSentAt: DateTime.now(),
      })
      await pickup.save()
      await this.timeline.record(trx, order, {
        type: 'shipment',
        actor,
        note: 'new pickup code e-mailed, the previous one no longer works',
      })
      trx.after('commit', () => this.emailCode(order.id, code))
      return DONE
    })
  }

  /**
   * Checks the code the customer shows. A wrong one is counted (and the
   * count kept, whatever follows); MAX_WRONG_CODES lock handover until a new
   * code is sent. The right one pays (in store), ships what is left and
   * marks every parcel delivered now. The code stays valid until all of that
   * is done, so staff can try again after a refusal of the order services.
   */
  async handOver(
    orderId: number,
    attempt: { code: string; paymentReceived: boolean },
    actor: OrderActor
  ): Promise<PickupOutcome> {
    const code = normalizePickupCode(attempt.code)
    const checked = await db.transaction(async (trx) => {
      const order = await lockOrder(trx, orderId)
      const pickup = await this.pickupOf(trx, order.id)
      const state = await this.stateOf(order, pickup, trx)
      const failed = pickup?.failedAttempts ?? 0
      const refusal = handoverRefusal(
        { ...state, failedAttempts: failed },
        { code, paymentReceived: attempt.paymentReceived }
      )
      if (refusal || !pickup) return refused(refusal ?? 'not_ready')
      const digest = pickupCodeDigest(order.id, code!)
      if (pickup.codeHash && sameDigest(pickup.codeHash, digest)) {
        return { kind: 'match' as const, paysNow: paysAtHandover(state) }
      }
      pickup.useTransaction(trx)
      pickup.failedAttempts = failed + 1
      await pickup.save()
      await this.timeline.record(trx, order, {
        type: 'note',
        actor,
        note: `wrong pickup code (${pickup.failedAttempts}/${MAX_WRONG_CODES})`,
      })
      const left = attemptsLeft(pickup.failedAttempts)
      return refused(left ? 'wrong_code' : 'locked_now', left)
    })
    if (checked.kind !== 'match') return checked

    const now = DateTime.now()
    try {
      if (checked.paysNow) await this.payments.markPaid(orderId, actor)
      await this.shipEverythingLeft(orderId, actor)
      const waiting = await Shipment.query().where('order_id', orderId).whereNull('delivered_at')
      for (const shipment of waiting) {
        await this.shipments.markDelivered(shipment.id, now, actor)
      }
    } catch (error) {
      return this.refusalOf(error)
    }
    await db.transaction(async (trx) => {
      const order = await lockOrder(trx, orderId)
      const pickup = (await this.pickupOf(trx, order.id))!
      pickup.useTransaction(trx)
      pickup.merge({ collectedAt: now, codeHash: null })
      await pickup.save()
      await this.timeline.record(trx, order, {
        type: 'shipment',
        actor,
        note: `collected at ${order.pickupPoint?.name}, pickup code checked`,
      })
    })
    return DONE
  }

  /** Every unit not in a parcel yet, in one parcel waiting in the shop. */
  private async shipEverythingLeft(orderId: number, actor: OrderActor) {
    const remaining = await this.shipments.remaining(orderId)
    const lines = [...remaining]
      .filter(([, quantity]) => quantity > 0)
      .map(([orderLineId, quantity]) => ({ orderLineId, quantity }))
    if (lines.length) await this.shipments.ship(orderId, { lines }, actor)
  }

  private async emailCode(orderId: number, code: string) {
    await SendOrderEmail.queue({
      kind: 'ready_for_pickup',
      orderId,
      pickupCode: sealPickupCode(code),
    })
  }

  private refusalOf(error: unknown): PickupOutcome {
    if (error instanceof OrderException && error.code) return refused(error.code)
    throw error
  }

  private async stateOf(
    order: Order,
    pickup: OrderPickup | null,
    trx?: TransactionClientContract
  ): Promise<PickupOrderState> {
    const open = await Payment.query(trx ? { client: trx } : {})
      .where('order_id', order.id)
      .whereIn('status', ['pending', 'authorized'])
      .orderBy('id', 'desc')
      .first()
    return {
      storePickup: collectedInOwnShop(order),
      status: order.status,
      paid: order.paidAt !== null,
      openPayment: open
        ? { status: open.status, hasInstructions: open.instructions !== null }
        : null,
      readyAt: pickup?.readyAt.toJSDate() ?? null,
      collectedAt: pickup?.collectedAt?.toJSDate() ?? null,
    }
  }

  /** Read after the order's lock: the order row serialises every write to its pickup. */
  private pickupOf(trx: TransactionClientContract, orderId: number) {
    return OrderPickup.query({ client: trx }).where('order_id', orderId).first()
  }
}
