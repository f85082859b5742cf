import { addDays } from '@comptoir/contracts/french_calendar'
import { parisDate, parisInstant } from '#domain/paris_time'

/**
 * The prior price of a reduction (LEGAL.md PR-01, PR-02, PR-04, PR-07): the
 * lowest price charged to all consumers during the 30 days before the
 * reduction applies, read from the variant's price history, which records
 * every change of the public price actually charged (catalog price and public
 * promotions alike). Amounts are integer minor units, tax included.
 */

/** Calendar days looked back from the day the reduction starts (PR-01). */
export const PRIOR_PRICE_DAYS = 30

/** A change of the public price: `amount` is charged from `at` on. */
export interface PricePoint {
  at: Date
  amount: number
}

export interface PriorPrice {
  amount: number
  /** First instant of the window looked at: 30 days back, or the first offer when later (PR-04). */
  since: Date
}

/**
 * The lowest price in force during [start of the Paris day 30 days before
 * `reductionStart`, `reductionStart`). A product first offered inside that
 * window counts from its first price (PR-04, our decision on the [U] point);
 * one never offered before the reduction has no prior price, so no reduction
 * may be announced. Changes at the same instant keep the last one: a price in
 * force for no time was never charged.
 */
export function priorPrice(
  history: readonly PricePoint[],
  reductionStart: Date
): PriorPrice | null {
  const windowStart = parisInstant(addDays(parisDate(reductionStart), -PRIOR_PRICE_DAYS))
  const timeline = settled(history).filter((point) => point.at < reductionStart)
  if (!timeline.length) return null

  let inForce: PricePoint | null = null
  const inWindow: PricePoint[] = []
  for (const point of timeline) {
    if (point.at <= windowStart) inForce = point
    else inWindow.push(point)
  }
  const counted = inForce ? [inForce, ...inWindow] : inWindow
  return {
    amount: Math.min(...counted.map((point) => point.amount)),
    since: inForce ? windowStart : inWindow[0].at,
  }
}

/**
 * The history in time order, one change per instant (the last recorded wins).
 */
function settled(history: readonly PricePoint[]): PricePoint[] {
  const byInstant = new Map<number, PricePoint>()
  for (const point of history) {
    assertMinorUnits(point.amount)
    byInstant.set(point.at.getTime(), point)
  }
  return [...byInstant.values()].sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** A percentage in basis points, as coupons and VAT rates: 1250 = 12,5 %. */
const FULL = 10_000

/**
 * The reduction announced, in basis points, from the reference price to the
 * price charged (PR-01: from the prior price, CJEU C-330/23). Rounded down to
 * a tenth of a percent, so the figure shown is never larger than the real
 * reduction (80 → 70 € is −12,5 %, 90 → 60 € is −33,3 %). Null when there is
 * no reduction to announce: the price charged is not below the reference.
 */
export function reductionPercentage(reference: number, price: number): number | null {
  assertMinorUnits(reference)
  assertMinorUnits(price)
  if (reference <= 0 || price >= reference) return null
  const tenths = Math.floor(((reference - price) * 1000) / reference)
  return tenths > 0 ? tenths * (FULL / 1000) : null
}

function assertMinorUnits(amount: number) {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Prices must be whole minor units ≥ 0, got ${amount}`)
  }
}
