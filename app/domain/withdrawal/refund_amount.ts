import { allocateProportionally, Money } from '#domain/money'

/**
 * What a withdrawal refunds (C. conso L221-23, L221-24, LEGAL.md W-10 to
 * W-12, W-16, W-17), in integer minor units: the goods withdrawn, the part of
 * the delivery the law gives back, the return cost when the trader bears it,
 * minus a depreciation the merchant justifies.
 */

export interface WithdrawalRefundLine {
  /** The order line (id or SKU), echoed in the result. */
  readonly key: string | number
  /** What the consumer paid for the whole line: unit price × quantity minus its coupon share. */
  readonly paid: number
  readonly quantity: number
  /** Units withdrawn by this statement. */
  readonly withdrawn: number
  /** Units withdrawn by earlier statements; 0 by default. */
  readonly withdrawnBefore?: number
}

/**
 * Delivery for a partial withdrawal (W-12): none by default (the law is
 * silent), or in proportion to the goods withdrawn when the merchant chose so.
 */
export type PartialDeliveryPolicy = 'none' | 'pro_rata'

export interface WithdrawalRefundInput {
  readonly currency: string
  readonly lines: readonly WithdrawalRefundLine[]
  readonly delivery: {
    /** What the order paid for delivery. */
    readonly paid: number
    /** The cheapest standard option offered at checkout; null when none was (W-11). */
    readonly cheapestStandard: number | null
    readonly partialPolicy?: PartialDeliveryPolicy
  }
  /** What the consumer was told before ordering. */
  readonly informed: {
    /** Of the right of withdrawal (L221-5 7°): without it no depreciation is due (W-17). */
    readonly ofRight: boolean
    /** That he bears the direct return cost: false when the CGV are silent or returns are free (W-16). */
    readonly bearsReturnCost: boolean
  }
  /** How the goods went back and what that cost; null when nothing came back. */
  readonly returnShipping?: {
    readonly by: 'consumer' | 'trader'
    readonly cost: number
  } | null
  /** Depreciation from handling beyond testing (W-17), with the reason shown to the consumer. */
  readonly deduction?: { readonly amount: number; readonly reason: string } | null
}

export interface WithdrawalRefund {
  readonly currency: string
  /** Each line withdrawn now: the units and their share of what the line paid. */
  readonly lines: readonly { key: string | number; units: number; amount: number }[]
  readonly goods: number
  readonly delivery: number
  /** Why the delivery part is what it is (W-11, W-12). */
  readonly deliveryBasis: 'all_withdrawn' | 'partial_pro_rata' | 'partial_not_refunded'
  /** The consumer's return cost refunded (> 0) or the trader's label charged (< 0), W-16. */
  readonly returnShipping: number
  readonly deduction: { readonly amount: number; readonly reason: string } | null
  readonly total: number
}

export type WithdrawalRefundError =
  | 'deduction_not_positive'
  | 'deduction_without_reason'
  | 'deduction_without_information'
  | 'deduction_exceeds_goods'
  | 'charges_exceed_refund'

export type WithdrawalRefundResult =
  | { readonly ok: true; readonly refund: WithdrawalRefund }
  | { readonly ok: false; readonly error: WithdrawalRefundError }

function assertMinorUnits(value: number, what: string) {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be whole minor units ≥ 0, got ${value}`)
  }
}

/**
 * What `units` of a line paid: its total split by units, so the shares of
 * successive withdrawals add up exactly to what the line paid.
 */
function paidFor(line: WithdrawalRefundLine, units: number): number {
  return allocateProportionally(line.paid, [units, line.quantity - units])[0]
}

/**
 * The delivery a withdrawal covering `goods` of the `allGoods` paid gives
 * back: the refundable delivery when every unit is withdrawn, else per policy.
 */
function deliveryShare(
  refundable: number,
  goods: number,
  allGoods: number,
  complete: boolean,
  policy: PartialDeliveryPolicy
): number {
  if (complete) return refundable
  if (policy === 'none' || goods === 0) return 0
  return allocateProportionally(refundable, [goods, allGoods - goods])[0]
}

/** What the lines withdrawn now paid, and what earlier statements had taken. */
function withdrawnGoods(refundLines: readonly WithdrawalRefundLine[]) {
  let before = 0
  let after = 0
  let allGoods = 0
  let complete = true
  const lines = []
  for (const line of refundLines) {
    const withdrawnBefore = line.withdrawnBefore ?? 0
    assertMinorUnits(line.paid, `Line ${line.key} paid`)
    for (const units of [line.quantity, line.withdrawn, withdrawnBefore]) {
      if (!Number.isSafeInteger(units) || units < 0) {
        throw new RangeError(`Line ${line.key}: quantities must be whole numbers ≥ 0`)
      }
    }
    if (withdrawnBefore + line.withdrawn > line.quantity) {
      throw new RangeError(`Line ${line.key}: more units withdrawn than ordered`)
    }
    const paidBefore = paidFor(line, withdrawnBefore)
    const paidAfter = paidFor(line, withdrawnBefore + line.withdrawn)
    before += paidBefore
    after += paidAfter
    allGoods += line.paid
    complete &&= withdrawnBefore + line.withdrawn === line.quantity
    if (line.withdrawn > 0) {
      lines.push({ key: line.key, units: line.withdrawn, amount: paidAfter - paidBefore })
    }
  }
  if (!lines.length) throw new RangeError('A withdrawal covers at least one unit')
  return { lines, before, after, allGoods, complete }
}

/**
 * The return cost in the refund (W-16): the consumer's own parcel refunded
 * when he was not told he bears it, the trader's label charged when he was.
 */
function returnShippingAmount(
  returned: WithdrawalRefundInput['returnShipping'],
  bearsReturnCost: boolean
): number {
  if (!returned) return 0
  assertMinorUnits(returned.cost, 'Return cost')
  if (returned.by === 'consumer') return bearsReturnCost ? 0 : returned.cost
  return bearsReturnCost ? -returned.cost : 0
}

/**
 * The refund of one withdrawal statement, or why the merchant's deduction
 * or charges cannot be accepted. Invalid input (quantities, minor units,
 * currency) throws: callers build it from the order.
 */
export function withdrawalRefund(input: WithdrawalRefundInput): WithdrawalRefundResult {
  Money.zero(input.currency) // rejects a currency that is not an ISO code
  const { delivery, informed } = input
  assertMinorUnits(delivery.paid, 'Delivery paid')
  if (delivery.cheapestStandard !== null) {
    assertMinorUnits(delivery.cheapestStandard, 'Cheapest standard delivery')
  }
  const { lines, before, after, allGoods, complete } = withdrawnGoods(input.lines)

  // W-11: never more than the cheapest standard delivery offered; when none
  // was offered, the consumer had no cheaper choice.
  const refundable =
    delivery.cheapestStandard === null
      ? delivery.paid
      : Math.min(delivery.paid, delivery.cheapestStandard)
  const policy = delivery.partialPolicy ?? 'none'
  const deliveryRefund =
    deliveryShare(refundable, after, allGoods, complete, policy) -
    deliveryShare(refundable, before, allGoods, false, policy)
  const returnShipping = returnShippingAmount(input.returnShipping, informed.bearsReturnCost)

  const goods = after - before
  const deduction = input.deduction ?? null
  if (deduction) {
    if (!Number.isSafeInteger(deduction.amount)) {
      throw new RangeError(`A deduction is whole minor units, got ${deduction.amount}`)
    }
    if (deduction.amount <= 0) return { ok: false, error: 'deduction_not_positive' }
    if (!deduction.reason.trim()) return { ok: false, error: 'deduction_without_reason' }
    if (!informed.ofRight) return { ok: false, error: 'deduction_without_information' }
    if (deduction.amount > goods) return { ok: false, error: 'deduction_exceeds_goods' }
  }
  const total = goods + deliveryRefund + returnShipping - (deduction?.amount ?? 0)
  if (total < 0) return { ok: false, error: 'charges_exceed_refund' }
  return {
    ok: true,
    refund: {
      currency: input.currency,
      lines,
      goods,
      delivery: deliveryRefund,
      deliveryBasis: complete
        ? 'all_withdrawn'
        : policy === 'pro_rata'
          ? 'partial_pro_rata'
          : 'partial_not_refunded',
      returnShipping,
      deduction: deduction && { amount: deduction.amount, reason: deduction.reason.trim() },
      total,
    },
  }
}
