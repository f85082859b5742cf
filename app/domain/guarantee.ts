import { addDays, addMonths } from '@comptoir/contracts/french_calendar'

/**
 * The legal guarantee of conformity (LEGAL.md G-01 to G-04) on Paris calendar
 * days ("2026-03-10"): how long delivered goods are covered, until when a
 * defect is presumed to have existed at delivery, the 30 days the seller has
 * to repair or replace, and the life of a consumer's claim in the back
 * office. Pure: no framework, no I/O.
 *
 * Periods in months end on the same date of the last month, or on that
 * month's last day when it has none (Reg. 1182/71 art. 3(2)(c)): that day is
 * the last one covered.
 */

/**
 * New goods, or second-hand (refurbished included), whose presumption is
 * shorter (G-02). The catalog records no such flag today: every line is
 * treated as new, which gives the consumer the longer presumption.
 */
export type GoodsCondition = 'new' | 'second_hand'

/** G-01: two years from delivery, whatever the condition of the goods. */
export const GUARANTEE_MONTHS = 24

/** G-02: defects appearing within this time are presumed to have existed at delivery. */
export const PRESUMPTION_MONTHS: Record<GoodsCondition, number> = { new: 24, second_hand: 12 }

/** G-03: days the seller has, from the consumer's request, to repair or replace. */
export const REMEDY_DAYS = 30

/** G-03: a good repaired under the guarantee is covered six months longer. */
export const REPAIR_EXTENSION_MONTHS = 6

/** Days before the remedy deadline from which the back office raises a claim. */
export const REMEDY_ALERT_DAYS = 7

/** What goods delivered on a day are covered by, and until when. */
export interface GuaranteeCover {
  readonly deliveredOn: string
  /** The last day a lack of conformity can be claimed (G-01). */
  readonly guaranteeEnd: string
  /** The last day a defect appearing is presumed to have existed at delivery (G-02). */
  readonly presumptionEnd: string
}

/**
 * G-01, G-02: the cover of goods delivered on `deliveredOn`. A good with a
 * digital service supplied continuously for more than two years is covered
 * for the whole supply (G-01): Comptoir sells no such service, so it is not
 * modelled.
 */
export function guaranteeCover(
  deliveredOn: string,
  condition: GoodsCondition = 'new'
): GuaranteeCover {
  return {
    deliveredOn,
    guaranteeEnd: addMonths(deliveredOn, GUARANTEE_MONTHS),
    presumptionEnd: addMonths(deliveredOn, PRESUMPTION_MONTHS[condition]),
  }
}

/** Whether a defect reported on `day` can still be claimed under the guarantee. */
export function isCovered(cover: GuaranteeCover, day: string): boolean {
  return day >= cover.deliveredOn && day <= cover.guaranteeEnd
}

/**
 * Whether a defect reported on `day` is presumed to have existed at delivery
 * (G-02): the seller then has to prove otherwise. The report day stands for
 * the day the defect appeared, which cannot be later.
 */
export function isPresumed(cover: GuaranteeCover, day: string): boolean {
  return day <= cover.presumptionEnd
}

/** G-03: the last day the seller has to repair or replace, 30 calendar days after the request. */
export function remedyDueOn(requestedOn: string): string {
  return addDays(requestedOn, REMEDY_DAYS)
}

/** The remedies the consumer chooses between (G-03). */
export const REMEDIES = ['repair', 'replacement'] as const
export type Remedy = (typeof REMEDIES)[number]

/**
 * What the seller may offer instead of the remedy it refuses (impossible, or
 * of disproportionate cost, C. conso L217-12): the other remedy, or, when
 * neither can be done, a price reduction or the contract's termination with
 * a full refund (G-03).
 */
export const ALTERNATIVES = ['repair', 'replacement', 'price_reduction', 'refund'] as const
export type Alternative = (typeof ALTERNATIVES)[number]

/** The alternatives to a refused remedy: anything but that remedy. */
export function alternativesTo(refused: Remedy): Alternative[] {
  return ALTERNATIVES.filter((alternative) => alternative !== refused)
}

export function isRemedy(value: string | null): value is Remedy {
  return REMEDIES.includes(value as Remedy)
}

/**
 * open → in_progress (the repair or replacement accepted) → resolved;
 * open or in_progress → refused_remedy (the seller refuses, with a reason,
 * and offers an alternative) → in_progress (the consumer took the other
 * remedy) or resolved (price reduced or refunded); any claim not settled →
 * closed_unresolved, when the consumer is told of the mediator (M-02).
 */
export const CLAIM_STATUSES = [
  'open',
  'in_progress',
  'refused_remedy',
  'resolved',
  'closed_unresolved',
] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export type ClaimAction = 'accept' | 'refuse' | 'resolve' | 'close_unresolved'

const TARGETS: Record<ClaimAction, ClaimStatus> = {
  accept: 'in_progress',
  refuse: 'refused_remedy',
  resolve: 'resolved',
  close_unresolved: 'closed_unresolved',
}

/** Where a claim stands, as far as its next steps go. */
export interface ClaimState {
  readonly status: ClaimStatus
  /** What the seller offered when it refused, if it did. */
  readonly alternative: Alternative | null
}

/**
 * What staff may do with a claim now. After a refusal, accepting means doing
 * the other remedy the consumer agreed to, and resolving means the price
 * reduction or refund offered was made.
 */
export function claimActions({ status, alternative }: ClaimState): ClaimAction[] {
  switch (status) {
    case 'open':
      return ['accept', 'refuse', 'close_unresolved']
    case 'in_progress':
      return ['resolve', 'refuse', 'close_unresolved']
    case 'refused_remedy':
      return [isRemedy(alternative) ? 'accept' : 'resolve', 'close_unresolved']
    case 'resolved':
    case 'closed_unresolved':
      return []
  }
}

/** The status an action leads to, or null when the claim does not allow it now. */
export function nextClaimStatus(state: ClaimState, action: ClaimAction): ClaimStatus | null {
  return claimActions(state).includes(action) ? TARGETS[action] : null
}

export function isSettled(status: ClaimStatus): boolean {
  return status === 'resolved' || status === 'closed_unresolved'
}

/**
 * A claim not settled past its deadline is late; within REMEDY_ALERT_DAYS of
 * it, due soon. Once late, the consumer may ask for a price reduction or
 * terminate the contract with a full refund instead (G-03).
 */
export function remedyAlert(
  status: ClaimStatus,
  dueOn: string,
  today: string
): 'late' | 'due_soon' | null {
  if (isSettled(status)) return null
  if (dueOn < today) return 'late'
  return dueOn <= addDays(today, REMEDY_ALERT_DAYS) ? 'due_soon' : null
}

/**
 * The remedy a resolved claim ends with: the remedy under way, or the
 * alternative (price reduction, refund) the seller offered after refusing.
 */
export function resolutionOf(accepted: Remedy | null, state: ClaimState): Alternative | null {
  if (state.status === 'refused_remedy') return state.alternative
  return accepted
}

/**
 * G-03: the guarantee of the goods once the remedy is done on `doneOn`. A
 * repaired good is covered six months longer; a good replaced when the
 * consumer had asked for a repair gets a new two years from the replacement.
 * Null when nothing changes (replacement chosen by the consumer, price
 * reduction; a refund ends the contract).
 */
export function guaranteeAfterRemedy(input: {
  readonly guaranteeEnd: string
  readonly requested: Remedy
  readonly done: Alternative
  readonly doneOn: string
}): string | null {
  if (input.done === 'repair') return addMonths(input.guaranteeEnd, REPAIR_EXTENSION_MONTHS)
  if (input.done === 'replacement' && input.requested === 'repair') {
    return addMonths(input.doneOn, GUARANTEE_MONTHS)
  }
  return null
}

/** A remedy done under a resolved claim, on the units of a parcel line (G-03). */
export interface RemedyDone {
  readonly requested: Remedy
  readonly done: Alternative
  readonly doneOn: string
}

/**
 * G-03: the last day a parcel line is covered: two years from its delivery,
 * pushed by each remedy done on it, in the order done (+6 months after a
 * repair, a new two years from a replacement imposed instead of a repair).
 */
export function lineGuaranteeEnd(deliveredOn: string, remedies: readonly RemedyDone[]): string {
  let end = guaranteeCover(deliveredOn).guaranteeEnd
  for (const remedy of [...remedies].sort((a, b) => a.doneOn.localeCompare(b.doneOn))) {
    const extended = guaranteeAfterRemedy({ guaranteeEnd: end, ...remedy })
    if (extended && extended > end) end = extended
  }
  return end
}

/** One delivered parcel as a claim sees it: the day it arrived and the units of each line. */
export interface DeliveredParcel {
  readonly shipmentId: number
  readonly deliveredOn: string
  readonly lines: readonly {
    orderLineId: number
    quantity: number
    /** The line's last day covered, remedies done included (`lineGuaranteeEnd`). */
    guaranteeEnd: string
    /** Units already in a claim not settled yet: they cannot be claimed twice. */
    openlyClaimed: number
  }[]
}

/** The units a consumer says are defective, parcel by parcel. */
export interface ClaimedUnits {
  readonly shipmentId: number
  readonly orderLineId: number
  readonly quantity: number
}

export type ClaimProblem =
  | { readonly reason: 'empty' }
  /** Not in a delivered parcel of the order, or more units than it held. */
  | { readonly reason: 'not_delivered' }
  /** Some of the units are in a claim still under way. */
  | { readonly reason: 'already_claimed' }
  /** G-01: the line's guarantee ended (the latest such end, to explain). */
  | { readonly reason: 'expired'; readonly cover: GuaranteeCover }

/**
 * Why these units cannot be claimed on `today`, or null when they can: each
 * must come from a delivered parcel of the order, no more units than it
 * held less those in a claim under way, and still be under the guarantee
 * (G-01), extended by the remedies done on its line (G-03).
 */
export function claimProblem(
  parcels: readonly DeliveredParcel[],
  claimed: readonly ClaimedUnits[],
  today: string,
  condition: GoodsCondition = 'new'
): ClaimProblem | null {
  const units = claimed.filter((entry) => entry.quantity > 0)
  if (!units.length) return { reason: 'empty' }
  let alreadyClaimed = false
  let expired: GuaranteeCover | null = null
  for (const entry of units) {
    const parcel = parcels.find((candidate) => candidate.shipmentId === entry.shipmentId)
    const held = parcel?.lines.find((line) => line.orderLineId === entry.orderLineId)
    const asked = units
      .filter(
        (other) => other.shipmentId === entry.shipmentId && other.orderLineId === entry.orderLineId
      )
      .reduce((sum, other) => sum + other.quantity, 0)
    if (!parcel || !held || asked > held.quantity) return { reason: 'not_delivered' }
    if (asked > held.quantity - held.openlyClaimed) alreadyClaimed = true
    const cover = {
      ...guaranteeCover(parcel.deliveredOn, condition),
      guaranteeEnd: held.guaranteeEnd,
    }
    if (!isCovered(cover, today) && (!expired || cover.guaranteeEnd > expired.guaranteeEnd)) {
      expired = cover
    }
  }
  if (alreadyClaimed) return { reason: 'already_claimed' }
  return expired ? { reason: 'expired', cover: expired } : null
}
