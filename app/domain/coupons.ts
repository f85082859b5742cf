import { allocateProportionally } from '#domain/money'

/**
 * What a coupon gives: a percentage of the eligible lines, a fixed amount off
 * them (tax included), or free shipping.
 */
export const COUPON_KINDS = ['percentage', 'fixed_amount', 'free_shipping'] as const
export type CouponKind = (typeof COUPON_KINDS)[number]

export function isCouponKind(value: unknown): value is CouponKind {
  return COUPON_KINDS.includes(value as CouponKind)
}

/** A percentage in basis points, like VAT rates: 1000 = 10 %, 10 000 = 100 %. */
export const FULL_PERCENTAGE = 10_000

/**
 * Codes as stored: upper case ASCII letters, digits, dash and underscore.
 */
export const COUPON_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,31}$/

/**
 * The code as stored and looked up: shoppers type "bienvenue10 " and mean
 * "BIENVENUE10".
 */
export function normalizeCouponCode(input: string): string {
  return input.trim().toUpperCase()
}

/**
 * A coupon as the rules see it. Amounts are integer minor units, tax included.
 */
export interface CouponRules {
  kind: CouponKind
  /** Percentage: basis points (1..10 000). Fixed amount: minor units. Free shipping: ignored. */
  value: number
  /** Set for a fixed amount and whenever a minimum subtotal is; null otherwise. */
  currency: string | null
  /** Compared with the whole cart's subtotal, not only the eligible lines. */
  minSubtotal: number | null
  /** First instant the code works (inclusive). */
  startsAt: Date | null
  /** First instant the code no longer works (exclusive). */
  endsAt: Date | null
  usageLimit: number | null
  perCustomerLimit: number | null
  active: boolean
  /** Scope: a line qualifies if its product is listed, or one of its categories is. Both empty: every line. */
  productIds: readonly number[]
  categoryIds: readonly number[]
}

export interface CouponLine {
  /** The caller's key for the line (a cart line id, a SKU), echoed in the allocation. */
  lineKey: string
  productId: number
  /**
   * The categories the product is filed in **and all their ancestors**, so a
   * coupon on "Shoes" reaches a product filed under "Shoes > Clogs".
   * CouponService does this expansion; callers of the pure rules must too.
   */
  categoryIds: readonly number[]
  /** Line total, tax included, minor units. */
  lineTotal: number
}

export interface CouponContext {
  lines: readonly CouponLine[]
  /** Cart subtotal before discount, tax included, minor units. */
  subtotal: number
  currency: string
  now: Date
  usage: {
    /** Redemptions of the coupon so far. */
    total: number
    /** Redemptions by this customer (by customer id, else by lower-cased email). */
    customer: number
  }
}

export interface LineDiscount {
  lineKey: string
  amount: number
}

export interface CouponApplied {
  kind: 'applied'
  /** Minor units, tax included, never more than the eligible lines' total. */
  discount: number
  freeShipping: boolean
  /** The discount split across the eligible lines (every one of them, in cart order); sums to `discount`. */
  lineDiscounts: LineDiscount[]
}

/**
 * Why a code does not apply, with what the shopper's message needs.
 */
export type CouponRefusal =
  | { kind: 'refused'; reason: 'unknown' | 'inactive' | 'no_eligible_product' }
  | { kind: 'refused'; reason: 'not_started'; startsAt: Date }
  | { kind: 'refused'; reason: 'expired'; endsAt: Date }
  | { kind: 'refused'; reason: 'usage_limit_reached'; limit: number }
  | { kind: 'refused'; reason: 'customer_limit_reached'; limit: number }
  | { kind: 'refused'; reason: 'currency_mismatch'; currency: string }
  | {
      kind: 'refused'
      reason: 'minimum_not_reached'
      minimum: number
      /** What the cart still lacks: minimum − subtotal. */
      missing: number
      currency: string
    }

export type CouponRefusalReason = CouponRefusal['reason']
export type CouponEvaluation = CouponApplied | CouponRefusal

/** Every refusal reason, checked exhaustive by the compiler (each needs a message). */
export const REFUSAL_REASONS = Object.keys({
  unknown: true,
  inactive: true,
  not_started: true,
  expired: true,
  usage_limit_reached: true,
  customer_limit_reached: true,
  currency_mismatch: true,
  no_eligible_product: true,
  minimum_not_reached: true,
} satisfies Record<CouponRefusalReason, true>) as CouponRefusalReason[]

/**
 * Whether the coupon can be used at all at `now`, whatever the cart: active,
 * within its dates, total and per-customer uses left. Checked again when the
 * order is placed (CouponService.redeem).
 */
export function availabilityRefusal(
  coupon: Pick<CouponRules, 'active' | 'startsAt' | 'endsAt' | 'usageLimit' | 'perCustomerLimit'>,
  now: Date,
  usage: CouponContext['usage']
): CouponRefusal | null {
  if (!coupon.active) return { kind: 'refused', reason: 'inactive' }
  if (coupon.startsAt && now.getTime() < coupon.startsAt.getTime()) {
    return { kind: 'refused', reason: 'not_started', startsAt: coupon.startsAt }
  }
  if (coupon.endsAt && now.getTime() >= coupon.endsAt.getTime()) {
    return { kind: 'refused', reason: 'expired', endsAt: coupon.endsAt }
  }
  if (coupon.usageLimit !== null && usage.total >= coupon.usageLimit) {
    return { kind: 'refused', reason: 'usage_limit_reached', limit: coupon.usageLimit }
  }
  if (coupon.perCustomerLimit !== null && usage.customer >= coupon.perCustomerLimit) {
    return { kind: 'refused', reason: 'customer_limit_reached', limit: coupon.perCustomerLimit }
  }
  return null
}

/**
 * Whether a line is in the coupon's scope.
 */
export function isEligibleLine(
  coupon: Pick<CouponRules, 'productIds' | 'categoryIds'>,
  line: Pick<CouponLine, 'productId' | 'categoryIds'>
): boolean {
  if (!coupon.productIds.length && !coupon.categoryIds.length) return true
  return (
    coupon.productIds.includes(line.productId) ||
    line.categoryIds.some((categoryId) => coupon.categoryIds.includes(categoryId))
  )
}

/**
 * Applies a coupon to a cart, or says why it does not apply. Refusals come in
 * a fixed order, the one that helps the shopper most first: a code that is off
 * or out of dates, then one used up, then one that cannot apply to this cart
 * (wrong currency, no eligible line), and last a minimum the cart can still reach.
 */
export function evaluateCoupon(coupon: CouponRules, context: CouponContext): CouponEvaluation {
  for (const line of context.lines) assertMinorUnits(line.lineTotal, `line ${line.lineKey}`)
  assertMinorUnits(context.subtotal, 'subtotal')

  const unavailable = availabilityRefusal(coupon, context.now, context.usage)
  if (unavailable) return unavailable
  if (coupon.currency !== null && coupon.currency !== context.currency) {
    return { kind: 'refused', reason: 'currency_mismatch', currency: coupon.currency }
  }
  const eligible = context.lines.filter((line) => isEligibleLine(coupon, line))
  if (!eligible.length) return { kind: 'refused', reason: 'no_eligible_product' }
  if (coupon.minSubtotal !== null && context.subtotal < coupon.minSubtotal) {
    return {
      kind: 'refused',
      reason: 'minimum_not_reached',
      minimum: coupon.minSubtotal,
      missing: coupon.minSubtotal - context.subtotal,
      currency: coupon.currency ?? context.currency,
    }
  }

  if (coupon.kind === 'free_shipping') {
    return { kind: 'applied', discount: 0, freeShipping: true, lineDiscounts: [] }
  }
  const eligibleTotal = eligible.reduce((sum, line) => sum + line.lineTotal, 0)
  const discount = Math.min(eligibleTotal, discountOn(coupon, eligibleTotal))
  const shares = allocateProportionally(
    discount,
    eligible.map((line) => line.lineTotal)
  )
  return {
    kind: 'applied',
    discount,
    freeShipping: false,
    lineDiscounts: eligible.map((line, index) => ({
      lineKey: line.lineKey,
      amount: shares[index],
    })),
  }
}

/**
 * The discount before capping: a percentage rounds half up to the minor unit
 * (10 % of 9,95 € is 1,00 €), in integers so no float touches the amount.
 */
function discountOn(coupon: CouponRules, eligibleTotal: number): number {
  if (coupon.kind === 'percentage') {
    const basisPoints = Math.min(Math.max(coupon.value, 0), FULL_PERCENTAGE)
    return Math.floor((eligibleTotal * basisPoints + FULL_PERCENTAGE / 2) / FULL_PERCENTAGE)
  }
  return Math.max(coupon.value, 0)
}

function assertMinorUnits(amount: number, what: string) {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Coupon ${what} must be whole minor units ≥ 0, got ${amount}`)
  }
}

/**
 * Reads a percentage typed by a merchant ("10", "12,5", "7.25 %") into basis
 * points, or null when it is not a number between 0.01 and 100 with at most
 * two decimals.
 */
export function parsePercentage(input: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(input.trim())
  if (!match) return null
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return basisPoints >= 1 && basisPoints <= FULL_PERCENTAGE ? basisPoints : null
}

/**
 * Basis points as a merchant types them back: 1250 → "12,5" in French.
 */
export function percentageInput(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(
    basisPoints / 100
  )
}

/**
 * "10 %", "12,5 %" in French; "10%", "12.5%" in English.
 */
export function formatPercentage(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / FULL_PERCENTAGE
  )
}
