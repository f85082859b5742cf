import { addDays, daysBetween } from '@comptoir/contracts/french_calendar'

/**
 * When a withdrawal must be refunded (C. conso L221-24, LEGAL.md W-10, W-13)
 * and what a late refund adds (L242-4, W-15), on Paris calendar days. Refund
 * dates are never moved off weekends or holidays (product decision): the
 * plain date is the due date, and the shop warns the merchant early.
 */

/** Days the trader has from being told of the withdrawal (W-10). */
export const REFUND_DAYS = 14

export interface RefundDueInput {
  /** The day the trader was told of the withdrawal. */
  readonly notifiedOn: string
  /** Goods the consumer has to send back: false when nothing was delivered. */
  readonly goodsToReturn: boolean
  /** The trader offered to collect the goods: he may not wait for them (W-13). */
  readonly traderCollects?: boolean
  readonly goodsReceivedOn?: string | null
  readonly proofOfShipmentOn?: string | null
}

export type RefundDue =
  | {
      readonly status: 'due'
      readonly dueOn: string
      /** The goods or the proof came after the 14 days, which moved the due date (W-13). */
      readonly deferred: boolean
    }
  /**
   * Neither the goods nor a proof of shipment yet: the trader may wait (W-13),
   * and the refund is due on the day one of them arrives, not before `earliestDueOn`.
   */
  | { readonly status: 'awaiting_goods'; readonly earliestDueOn: string }

/**
 * The due date: 14 days from the notification, or, for goods coming back to
 * a trader who did not offer to collect them, the day the goods or a proof of
 * shipment arrive, whichever comes first, if that is later (W-13).
 */
export function refundDue(input: RefundDueInput): RefundDue {
  const statutory = addDays(input.notifiedOn, REFUND_DAYS)
  if (!input.goodsToReturn || input.traderCollects) {
    return { status: 'due', dueOn: statutory, deferred: false }
  }
  const arrivals = [input.goodsReceivedOn, input.proofOfShipmentOn].filter(
    (day): day is string => !!day
  )
  if (!arrivals.length) return { status: 'awaiting_goods', earliestDueOn: statutory }
  const firstArrival = arrivals.reduce((first, day) => (day < first ? day : first))
  return firstArrival > statutory
    ? { status: 'due', dueOn: firstArrival, deferred: true }
    : { status: 'due', dueOn: statutory, deferred: false }
}

export interface LateRefundInput {
  readonly dueOn: string
  readonly refundedOn: string
  /** The sums refunded, minor units. */
  readonly amount: number
  /** The price of the goods, the most the percentage surcharge reaches; defaults to `amount`. */
  readonly productPrice?: number
  /**
   * The yearly legal interest rate for consumers of the period, in basis
   * points (665 = 6.65 %): it applies in the first 10 days and past the cap.
   */
  readonly legalInterestRateBp: number
}

export interface LateRefundSurcharge {
  /** Calendar days after the due date; 0 when refunded on time. */
  readonly daysLate: number
  readonly basis: 'on_time' | 'legal_interest' | 'percentage' | 'capped'
  /** The L242-4 percentage applied, or null for legal interest. */
  readonly percent: number | null
  /** Minor units, rounded up: the consumer is never short of a cent. */
  readonly surcharge: number
  /** The amount plus the surcharge. */
  readonly owed: number
}

/**
 * The L242-4 percentage for a delay in days, null within the first 10 days
 * (legal interest). Each tier includes its upper bound (10, 20, 30, 60, 90
 * days), as the first one does ("au plus tard dix jours"); then each month of
 * 30 days begun adds 5 points. The text leaves the boundaries open [U]:
 * computed to warn the merchant, never to plan a late refund.
 */
export function lateRefundPercent(daysLate: number): number | null {
  if (daysLate <= 10) return null
  if (daysLate <= 20) return 5
  if (daysLate <= 30) return 10
  if (daysLate <= 60) return 20
  if (daysLate <= 90) return 50
  return 50 + 5 * Math.ceil((daysLate - 90) / 30)
}

/** The first late day of each L242-4 tier up to `daysLate`. */
function tierStarts(daysLate: number): number[] {
  const starts = [11, 21, 31, 61]
  for (let day = 91; day <= daysLate; day += 30) starts.push(day)
  return starts.filter((day) => day <= daysLate)
}

/** ⌈numerator / denominator⌉ on integers, exact whatever their size. */
function ceilDivide(numerator: bigint, denominator: bigint): number {
  return Number((numerator + denominator - 1n) / denominator)
}

function percentOf(amount: number, percent: number): number {
  return ceilDivide(BigInt(amount) * BigInt(percent), 100n)
}

/** Simple interest over `days` on a 365-day year. */
function legalInterest(amount: number, rateBp: number, days: number): number {
  return ceilDivide(BigInt(amount) * BigInt(rateBp) * BigInt(days), 10_000n * 365n)
}

/**
 * What a refund made after its due date adds (W-15): legal interest up to 10
 * days late, then the tiered percentages of the amount, capped at the price
 * of the goods, then legal interest again from the day the cap is reached.
 */
export function lateRefundSurcharge(input: LateRefundInput): LateRefundSurcharge {
  const { amount, legalInterestRateBp: rate } = input
  const cap = input.productPrice ?? amount
  for (const value of [amount, cap, rate]) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`Expected whole minor units and basis points ≥ 0, got ${value}`)
    }
  }
  const daysLate = Math.max(0, daysBetween(input.dueOn, input.refundedOn))
  const result = (basis: LateRefundSurcharge['basis'], percent: number | null, surcharge: number) =>
    ({ daysLate, basis, percent, surcharge, owed: amount + surcharge }) as const
  const percent = lateRefundPercent(daysLate)
  if (daysLate === 0) return result('on_time', null, 0)
  if (percent === null) return result('legal_interest', null, legalInterest(amount, rate, daysLate))
  const capDay = tierStarts(daysLate).find(
    (day) => percentOf(amount, lateRefundPercent(day)!) >= cap
  )
  if (capDay === undefined) return result('percentage', percent, percentOf(amount, percent))
  return result('capped', percent, cap + legalInterest(amount, rate, daysLate - capDay))
}
