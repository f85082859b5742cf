import { addDays, type HolidayCalendar } from '@comptoir/contracts/french_calendar'
import { lineEligibility, type LineEligibility } from '#domain/withdrawal/line_eligibility'
import type { WithdrawalStart } from '#domain/withdrawal/period'
import type { PartialDeliveryPolicy } from '#domain/withdrawal/refund_amount'
import type { RefundDue } from '#domain/withdrawal/refund_timing'
import type { WithdrawalException } from '#domain/withdrawal_exceptions'

/**
 * How the shop handles a withdrawal once made (LEGAL.md W-07 to W-18): its
 * steps, what an order still lets the consumer withdraw, when its period runs
 * from, and when its refund needs the merchant's attention. Pure: no
 * framework, no I/O; the rules themselves are in #domain/withdrawal/*.
 */

/**
 * requested → goods_shipped_back (proof of shipment) → goods_received → refunded.
 * Each step may be skipped: goods may arrive without a proof first, and
 * goods never shipped have nothing to come back.
 */
export const WITHDRAWAL_STATUSES = [
  'requested',
  'goods_shipped_back',
  'goods_received',
  'refunded',
] as const
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number]

const MOVES: Record<WithdrawalStatus, readonly WithdrawalStatus[]> = {
  requested: ['goods_shipped_back', 'goods_received', 'refunded'],
  goods_shipped_back: ['goods_received', 'refunded'],
  goods_received: ['refunded'],
  refunded: [],
}

export function canMoveWithdrawal(from: WithdrawalStatus, to: WithdrawalStatus): boolean {
  return MOVES[from].includes(to)
}

/** The online function, or a statement staff entered from a letter or an e-mail (W-07). */
export const WITHDRAWAL_CHANNELS = ['online', 'letter', 'email'] as const
export type WithdrawalChannel = (typeof WITHDRAWAL_CHANNELS)[number]
export const STAFF_CHANNELS = ['letter', 'email'] as const

/** Who pays for sending the goods back, as the CGV tell the consumer (W-16). */
export const RETURN_COST_BEARERS = ['consumer', 'trader'] as const
export type ReturnCostBearer = (typeof RETURN_COST_BEARERS)[number]
export const PARTIAL_DELIVERY_POLICIES: readonly PartialDeliveryPolicy[] = ['none', 'pro_rata']

/** The merchant's withdrawal settings. */
export interface WithdrawalSettings {
  /** The public holidays that move the last day (W-06). */
  readonly calendar: HolidayCalendar
  /** Who the CGV say bears the direct return cost (W-16); the demo CGV say the consumer. */
  readonly returnCost: ReturnCostBearer
  /** Delivery refunded on a partial withdrawal (W-12): none, or in proportion. */
  readonly partialDelivery: PartialDeliveryPolicy
  /**
   * The legal interest rate for consumers of the current half-year, basis
   * points, for the late-refund surcharge (W-15): set by arrêté each semester.
   */
  readonly legalInterestRateBp: number
}

export const DEFAULT_WITHDRAWAL_SETTINGS: WithdrawalSettings = {
  calendar: 'national',
  returnCost: 'consumer',
  partialDelivery: 'none',
  // 1st half of 2026, consumers (arrêté du 15 décembre 2025).
  legalInterestRateBp: 667,
}

/** An order line as the withdrawal function weighs it. */
export interface OrderLineForWithdrawal {
  readonly id: number
  readonly quantity: number
  readonly exception: WithdrawalException | null
  /** The order listed the line's exception before the consumer ordered (L221-5). */
  readonly shownBeforeOrder: boolean
  /** Units of the line earlier statements of the order withdrew. */
  readonly withdrawnBefore: number
}

export interface WithdrawableLine {
  readonly id: number
  readonly eligibility: LineEligibility
  /** Units the consumer may still withdraw; 0 for an excluded line. */
  readonly units: number
}

/**
 * What each line still lets the consumer withdraw: the units no earlier
 * statement covered, unless the line falls under an exception he was shown
 * (W-18, TC-16). Sealed goods are offered: they are excluded only if they
 * come back unsealed.
 */
export function withdrawableLines(lines: readonly OrderLineForWithdrawal[]): WithdrawableLine[] {
  return lines.map((line) => {
    const eligibility = lineEligibility({
      exception: line.exception,
      shownBeforeOrder: line.shownBeforeOrder,
    })
    const units =
      eligibility.verdict === 'excluded' ? 0 : Math.max(0, line.quantity - line.withdrawnBefore)
    return { id: line.id, eligibility, units }
  })
}

/**
 * Why a statement cannot cover these units, or null when it can: at least
 * one unit, only lines of the order, never more than they still have.
 */
export function statementProblem(
  withdrawable: readonly WithdrawableLine[],
  requested: readonly { orderLineId: number; quantity: number }[]
): 'empty' | 'not_withdrawable' | null {
  const chosen = requested.filter((line) => line.quantity > 0)
  if (!chosen.length) return 'empty'
  const seen = new Set<number>()
  for (const { orderLineId, quantity } of chosen) {
    const line = withdrawable.find((candidate) => candidate.id === orderLineId)
    if (!line || seen.has(orderLineId) || !Number.isSafeInteger(quantity)) {
      return 'not_withdrawable'
    }
    if (quantity > line.units) return 'not_withdrawable'
    seen.add(orderLineId)
  }
  return null
}

/**
 * What the period of an order of goods runs from (W-04, W-08): the day each
 * parcel arrived (null while on its way), and one more parcel not sent yet
 * while units remain to ship that no statement withdrew.
 */
export function goodsStart(
  parcelsReceivedOn: readonly (string | null)[],
  unitsAwaitingShipment: number
): WithdrawalStart {
  return {
    kind: 'goods',
    parcelsReceivedOn: unitsAwaitingShipment > 0 ? [...parcelsReceivedOn, null] : parcelsReceivedOn,
  }
}

/** Days before a refund falls due from which the dashboard warns the merchant. */
export const REFUND_ALERT_DAYS = 3

/**
 * Whether a refund not made yet needs the merchant now: past its due date,
 * or due within the next three days (the refund date is never moved off a
 * weekend: product decision on W-10).
 */
export function refundAlert(
  due: RefundDue,
  today: string,
  windowDays = REFUND_ALERT_DAYS
): 'late' | 'due_soon' | null {
  if (due.status !== 'due') return null
  if (due.dueOn < today) return 'late'
  return due.dueOn <= addDays(today, windowDays) ? 'due_soon' : null
}

/**
 * Of `withdrawn` units of a line, those not shipped yet (a withdrawal before
 * delivery, W-08), which must then never leave: a withdrawal takes back
 * first the units the customer already has, shipped and not withdrawn yet.
 */
export function unshippedUnitsWithdrawn(
  withdrawn: number,
  line: { quantity: number; toShip: number; withdrawnBefore: number }
): number {
  const held = line.quantity - line.toShip - line.withdrawnBefore
  return Math.max(0, withdrawn - held)
}
