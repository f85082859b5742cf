import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import {
  claimProblem,
  guaranteeCover,
  isCovered,
  isPresumed,
  isSettled,
  lineGuaranteeEnd,
  remedyDueOn,
  type ClaimedUnits,
  type ClaimProblem,
  type DeliveredParcel,
  type GuaranteeCover,
  type Remedy,
  type RemedyDone,
} from '#domain/guarantee'
import { mergedQuantities } from '#domain/line_quantities'
import { parisDate } from '#domain/paris_time'
import type { SellerIdentity } from '#domain/seller_identity'
import SendOrderEmail from '#jobs/send_order_email'
import GuaranteeClaim from '#models/guarantee_claim'
import GuaranteeClaimLine from '#models/guarantee_claim_line'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import Shipment from '#models/shipment'
import { claimItems, type ClaimItem } from '#services/guarantee/claim_items'
import OrderTimeline, { SHOPPER } from '#services/orders/order_timeline'
import SettingsService from '#services/settings_service'
import { lockForUpdate } from '#support/row_lock'

/** A line of a delivered parcel: its units, until when they are covered, how many may be claimed. */
export interface GuaranteedLine {
  readonly line: OrderLine
  readonly quantity: number
  /** The last day covered, remedies done included (G-01, G-03). */
  readonly guaranteeEnd: string
  readonly covered: boolean
  /** Units not in a claim under way. */
  readonly claimable: number
}

/** A delivered parcel of the order, with its guarantee and what it held. */
export interface GuaranteedParcel {
  readonly shipment: Shipment
  /** From its delivery; `guaranteeEnd` is its lines' latest, remedies done included. */
  readonly cover: GuaranteeCover
  /** A defect can still be reported for one of its lines today (G-01). */
  readonly covered: boolean
  readonly lines: readonly GuaranteedLine[]
}

/** Where an order stands under the legal guarantee, for its customer. */
export interface GuaranteeOverview {
  readonly order: Order
  readonly parcels: readonly GuaranteedParcel[]
  /** Some delivered parcel is still covered: the report form is offered. */
  readonly canReport: boolean
  /** The claims made, oldest first, with their units by name. */
  readonly claims: readonly { claim: GuaranteeClaim; items: ClaimItem[] }[]
  /** For claims closed unresolved (M-02): the mediator the seller is covered by. */
  readonly mediator: SellerIdentity['mediator'] | null
}

/** What a consumer reports: the units, the defect, the remedy he chooses (G-03). */
export interface DefectReport {
  readonly description: string
  readonly preferredRemedy: Remedy
  readonly units: readonly ClaimedUnits[]
}

export type DefectReportOutcome =
  | { readonly kind: 'recorded'; readonly claim: GuaranteeClaim }
  | { readonly kind: 'refused'; readonly problem: ClaimProblem }

/**
 * The legal guarantee of conformity on an order, as its customer uses it
 * (LEGAL.md G-01 to G-03): how long each delivered parcel is covered, the
 * defects reported, and a new report, recorded under the order's lock and
 * acknowledged by e-mail with the seller's 30-day deadline once committed.
 */
@inject()
export default class OrderGuarantee {
  constructor(
    protected settings: SettingsService,
    protected timeline: OrderTimeline
  ) {}

  async overview(order: Order, today = parisDate(new Date())): Promise<GuaranteeOverview> {
    const [claims, lines] = await Promise.all([
      GuaranteeClaim.query().where('order_id', order.id).preload('lines').orderBy('id'),
      OrderLine.query().where('order_id', order.id).orderBy('position'),
    ])
    const parcels = await this.parcelsOf(order, today, claims)
    const closedUnresolved = claims.some((claim) => claim.status === 'closed_unresolved')
    const identity = closedUnresolved ? await this.settings.sellerIdentity() : null
    return {
      order,
      parcels,
      canReport: parcels.some((parcel) => parcel.covered),
      claims: claims.map((claim) => ({ claim, items: claimItems(claim, lines) })),
      mediator: identity?.mediator ?? null,
    }
  }

  /**
   * Records a defect report, or says why it cannot be: nothing chosen, units
   * not delivered in a parcel of the order, or a parcel whose guarantee ended
   * (with that end, to explain).
   */
  async report(
    orderId: number,
    report: DefectReport,
    today = parisDate(new Date())
  ): Promise<DefectReportOutcome> {
    // A parcel line posted twice adds up.
    const units = mergedQuantities(
      report.units.filter((entry) => entry.quantity > 0),
      (entry) => `${entry.shipmentId}:${entry.orderLineId}`
    )
    return db.transaction(async (trx) => {
      const order = await lockForUpdate(
        Order.query({ client: trx }).where('id', orderId),
        trx
      ).firstOrFail()
      const claims = await GuaranteeClaim.query({ client: trx })
        .where('order_id', order.id)
        .preload('lines')
      const parcels = await this.parcelsOf(order, today, claims, trx)
      const problem = claimProblem(parcels.map(deliveredParcel), units, today)
      if (problem) return { kind: 'refused', problem }

      const covers = units.map(
        (entry) => parcels.find((parcel) => parcel.shipment.id === entry.shipmentId)!.cover
      )
      const claim = await GuaranteeClaim.create(
        {
          orderId: order.id,
          status: 'open',
          description: report.description,
          preferredRemedy: report.preferredRemedy,
          acceptedRemedy: null,
          refusalReason: null,
          alternative: null,
          resolution: null,
          closingNote: null,
          requestedOn: DateTime.fromISO(today),
          dueOn: DateTime.fromISO(remedyDueOn(today)),
          presumed: covers.every((cover) => isPresumed(cover, today)),
          settledOn: null,
        },
        { client: trx }
      )
      await GuaranteeClaimLine.createMany(
        units.map((entry, index) => ({
          guaranteeClaimId: claim.id,
          shipmentId: entry.shipmentId,
          orderLineId: entry.orderLineId,
          quantity: entry.quantity,
          deliveredOn: DateTime.fromISO(covers[index].deliveredOn),
        })),
        { client: trx }
      )
      const skus = units.map((entry) => {
        const parcel = parcels.find((candidate) => candidate.shipment.id === entry.shipmentId)!
        const { line } = parcel.lines.find((held) => held.line.id === entry.orderLineId)!
        return `${entry.quantity} × ${line.sku}`
      })
      await this.timeline.record(trx, order, {
        type: 'note',
        actor: SHOPPER,
        note: `guarantee claim #${claim.id} (${report.preferredRemedy} asked, due ${remedyDueOn(today)}): ${skus.join(', ')}`,
      })
      trx.after('commit', async () => {
        await SendOrderEmail.queue({
          kind: 'guarantee_claim_received',
          orderId: order.id,
          guaranteeClaimId: claim.id,
        })
      })
      return { kind: 'recorded', claim }
    })
  }

  /**
   * The order's delivered parcels, the first delivered first, each line with
   * its cover on `today`: extended by the remedies its resolved claims did
   * (G-03), less the units in claims under way.
   */
  private async parcelsOf(
    order: Order,
    today: string,
    claims: readonly GuaranteeClaim[],
    trx?: TransactionClientContract
  ): Promise<GuaranteedParcel[]> {
    const client = trx ? { client: trx } : {}
    const [shipments, lines] = await Promise.all([
      Shipment.query(client)
        .where('order_id', order.id)
        .whereNotNull('delivered_at')
        .preload('lines')
        .orderBy('delivered_at')
        .orderBy('id'),
      OrderLine.query(client).where('order_id', order.id).orderBy('position'),
    ])
    return shipments.map((shipment) => {
      const cover = guaranteeCover(parisDate(shipment.deliveredAt!.toJSDate()))
      const deliveredOn = cover.deliveredOn
      const held = lines.flatMap((line) => {
        const item = shipment.lines.find((candidate) => candidate.orderLineId === line.id)
        if (!item || item.quantity <= 0) return []
        const claimed = claimsOn(claims, shipment.id, line.id)
        const guaranteeEnd = lineGuaranteeEnd(deliveredOn, claimed.flatMap(remedyDone))
        const open = claimed.filter(({ claim }) => !isSettled(claim.status))
        return [
          {
            line,
            quantity: item.quantity,
            guaranteeEnd,
            covered: isCovered({ ...cover, guaranteeEnd }, today),
            claimable: item.quantity - open.reduce((sum, { quantity }) => sum + quantity, 0),
          },
        ]
      })
      const latestEnd = held.reduce(
        (end, line) => (line.guaranteeEnd > end ? line.guaranteeEnd : end),
        cover.guaranteeEnd
      )
      return {
        shipment,
        cover: { ...cover, guaranteeEnd: latestEnd },
        covered: held.some((line) => line.covered),
        lines: held,
      }
    })
  }
}

/** The claims naming a parcel line, with the units each claimed there. */
function claimsOn(claims: readonly GuaranteeClaim[], shipmentId: number, orderLineId: number) {
  return claims.flatMap((claim) =>
    claim.lines
      .filter((entry) => entry.shipmentId === shipmentId && entry.orderLineId === orderLineId)
      .map((entry) => ({ claim, quantity: entry.quantity }))
  )
}

/** The remedy a resolved claim did, if any (G-03). */
function remedyDone({ claim }: { claim: GuaranteeClaim }): RemedyDone[] {
  if (claim.status !== 'resolved' || !claim.resolution || !claim.settledOn) return []
  return [
    {
      requested: claim.preferredRemedy,
      done: claim.resolution,
      doneOn: claim.settledOn.toISODate()!,
    },
  ]
}

function deliveredParcel(parcel: GuaranteedParcel): DeliveredParcel {
  return {
    shipmentId: parcel.shipment.id,
    deliveredOn: parcel.cover.deliveredOn,
    lines: parcel.lines.map((held) => ({
      orderLineId: held.line.id,
      quantity: held.quantity,
      guaranteeEnd: held.guaranteeEnd,
      openlyClaimed: held.quantity - held.claimable,
    })),
  }
}
