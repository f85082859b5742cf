import { addDays, addMonths } from '@comptoir/contracts/french_calendar'
import { parisDate, parisInstant } from '#domain/paris_time'
import {
  latestOfferDay,
  offeredLongEnough,
  type SoldesCalendar,
  type SoldesPeriod,
} from '#domain/pricing/soldes_periods'

/**
 * Price reductions the merchant schedules (LEGAL.md §5), their scope and
 * what each kind must respect before it is accepted. Amounts are integer
 * minor units, tax included; percentages basis points (1250 = 12,5 %).
 *   - promotion, déstockage: all year (PR-11);
 *   - vente privée: members of a customer group only (out of PR-01's scope, PR-03);
 *   - soldes: inside an official period, for products offered a month before (PR-08, PR-09);
 *   - liquidation: declared to the mayor, two months at most (PR-12).
 */
export const PROMOTION_KINDS = [
  'promotion',
  'destockage',
  'vente_privee',
  'soldes',
  'liquidation',
] as const
export type PromotionKind = (typeof PROMOTION_KINDS)[number]

export const DISCOUNT_TYPES = ['percentage', 'fixed_amount'] as const
export type DiscountType = (typeof DISCOUNT_TYPES)[number]

/** What a rule can name: a product, a category (and its subtree), a brand, an attribute value. */
export const TARGET_TYPES = ['product', 'category', 'brand', 'attribute_option'] as const
export type TargetType = (typeof TARGET_TYPES)[number]

/** Liquidation lasts two months at most (C. com L310-1, PR-12). */
export const LIQUIDATION_MAX_MONTHS = 2

const FULL_PERCENTAGE = 10_000

export interface RuleTarget {
  type: TargetType
  id: number
}

export interface PromotionRule {
  id: number
  kind: PromotionKind
  discountType: DiscountType
  /** Basis points for a percentage, minor units for a fixed amount. */
  value: number
  /** The fixed amount's currency; null for a percentage. */
  currency: string | null
  startsAt: Date
  /** Exclusive; null runs until the merchant ends it (or stock runs out, PR-11). */
  endsAt: Date | null
  /** Vente privée: the group whose members see it. */
  customerGroupId: number | null
  /** Successive reductions of one campaign share it (PR-02); soldes of one period need not. */
  campaign: string | null
  /** No target: the whole catalog. */
  targets: readonly RuleTarget[]
}

/**
 * A variant as the rules see it. Categories include every ancestor of the
 * product's categories, so a rule on "Chaussures" reaches "Chaussures > Sabots";
 * options are the product's attribute values and the variant's own.
 */
export interface VariantFacts {
  variantId: number
  productId: number
  brandId: number | null
  categoryIds: readonly number[]
  optionIds: readonly number[]
  /** The catalog price. */
  basePrice: number
  currency: string
  /** Goods that deteriorate rapidly: no prior price is required (PR-03). */
  perishable: boolean
  /** When the variant was first offered for sale (its first price). */
  firstOfferedAt: Date | null
}

export function isMembersOnly(rule: Pick<PromotionRule, 'kind'>): boolean {
  return rule.kind === 'vente_privee'
}

export function isRunning(rule: Pick<PromotionRule, 'startsAt' | 'endsAt'>, now: Date): boolean {
  return rule.startsAt <= now && (rule.endsAt === null || now < rule.endsAt)
}

/** Whether the rule's scope includes the variant (any of its targets, or all without one). */
export function targetsVariant(rule: Pick<PromotionRule, 'targets'>, facts: VariantFacts): boolean {
  if (!rule.targets.length) return true
  return rule.targets.some((target) => {
    switch (target.type) {
      case 'product':
        return target.id === facts.productId
      case 'category':
        return facts.categoryIds.includes(target.id)
      case 'brand':
        return target.id === facts.brandId
      case 'attribute_option':
        return facts.optionIds.includes(target.id)
    }
  })
}

/**
 * The price once the rule applies, or null when it cannot: a fixed amount in
 * another currency, or one that would leave nothing to pay. A percentage
 * rounds its discount half up to the minor unit, as coupons do.
 */
export function reducedPrice(
  basePrice: number,
  currency: string,
  rule: Pick<PromotionRule, 'discountType' | 'value' | 'currency'>
): number | null {
  const discount =
    rule.discountType === 'percentage'
      ? Math.floor(
          (basePrice * Math.min(Math.max(rule.value, 0), FULL_PERCENTAGE) + FULL_PERCENTAGE / 2) /
            FULL_PERCENTAGE
        )
      : rule.currency === currency
        ? Math.max(rule.value, 0)
        : null
  if (discount === null || discount <= 0) return null
  const price = basePrice - discount
  return price > 0 ? price : null
}

/**
 * The key grouping successive reductions into one campaign (PR-02): the
 * merchant's campaign name, else for soldes the official period they run
 * in (1st and 2nd markdowns), else the rule alone.
 */
export function campaignKey(
  rule: Pick<PromotionRule, 'id' | 'kind' | 'campaign' | 'startsAt'>,
  soldes: SoldesCalendar | null
): string {
  if (rule.campaign) return `campaign:${rule.campaign.trim().toLowerCase()}`
  if (rule.kind === 'soldes' && soldes) {
    const period = soldes.periodAt(rule.startsAt)
    if (period) return `soldes:${period.startsAt.toISOString()}`
  }
  return `rule:${rule.id}`
}

/** Why a rule is refused, with what the message needs. */
export type RuleRefusal =
  | { field: 'starts_at'; reason: 'start_locked'; startsAt: Date }
  | { field: 'ends_on'; reason: 'ends_before_start' }
  | { field: 'customer_group_id'; reason: 'group_required' }
  | { field: 'ends_on'; reason: 'end_required'; kind: 'soldes' | 'liquidation' }
  | { field: 'starts_at'; reason: 'soldes_outside_period'; periods: SoldesPeriod[] }
  | {
      field: 'product_skus'
      reason: 'soldes_offered_too_late'
      skus: string[]
      latestOfferDay: string
    }
  | { field: 'declaration_reference'; reason: 'declaration_required' }
  | { field: 'ends_on'; reason: 'liquidation_too_long'; lastDay: string }

export interface RuleDraft {
  kind: PromotionKind
  startsAt: Date
  endsAt: Date | null
  customerGroupId: number | null
  declarationReference: string | null
}

export interface AcceptanceContext {
  soldes: SoldesCalendar
  now: Date
  /** The rule as saved before, when it is being changed. */
  saved?: { startsAt: Date } | null
  /** The products the rule names one by one, with when each was first offered. */
  namedVariants: readonly { sku: string; firstOfferedAt: Date | null }[]
}

/**
 * Everything that keeps a rule from being scheduled, in form order. A rule
 * that has started keeps its start. Soldes
 * must sit inside one official period (PR-08) and name only products offered
 * a month before it opens (PR-09; products reached through a category, brand
 * or attribute are left out of the soldes when too recent, see
 * `soldesApplies`); liquidation needs its declaration and lasts two months at
 * most (PR-12).
 */
export function ruleRefusals(draft: RuleDraft, context: AcceptanceContext): RuleRefusal[] {
  const refusals: RuleRefusal[] = []
  // Its start is the reference of its prior price (PR-01): moving it once the
  // rule has applied would rewrite what shoppers were told.
  const saved = context.saved
  if (
    saved &&
    saved.startsAt <= context.now &&
    saved.startsAt.getTime() !== draft.startsAt.getTime()
  ) {
    refusals.push({ field: 'starts_at', reason: 'start_locked', startsAt: saved.startsAt })
  }
  if (draft.endsAt && draft.endsAt <= draft.startsAt) {
    refusals.push({ field: 'ends_on', reason: 'ends_before_start' })
  }
  if (draft.kind === 'vente_privee' && draft.customerGroupId === null) {
    refusals.push({ field: 'customer_group_id', reason: 'group_required' })
  }
  if (draft.kind === 'soldes') refusals.push(...soldesRefusals(draft, context))
  if (draft.kind === 'liquidation') {
    if (!draft.declarationReference) {
      refusals.push({ field: 'declaration_reference', reason: 'declaration_required' })
    }
    const lastDay = addDays(addMonths(parisDate(draft.startsAt), LIQUIDATION_MAX_MONTHS), -1)
    if (!draft.endsAt) {
      refusals.push({ field: 'ends_on', reason: 'end_required', kind: 'liquidation' })
    } else if (draft.endsAt > parisInstant(addDays(lastDay, 1))) {
      refusals.push({ field: 'ends_on', reason: 'liquidation_too_long', lastDay })
    }
  }
  return refusals
}

function soldesRefusals(draft: RuleDraft, context: AcceptanceContext): RuleRefusal[] {
  if (!draft.endsAt) return [{ field: 'ends_on', reason: 'end_required', kind: 'soldes' }]
  if (draft.endsAt <= draft.startsAt) return []
  const period = context.soldes.periodCovering(draft.startsAt, draft.endsAt)
  if (!period) {
    const year = Number(parisDate(draft.startsAt).slice(0, 4))
    return [
      {
        field: 'starts_at',
        reason: 'soldes_outside_period',
        periods: context.soldes.periods(year),
      },
    ]
  }
  const tooRecent = context.namedVariants.filter(
    (variant) => !offeredLongEnough(variant.firstOfferedAt, period)
  )
  return tooRecent.length
    ? [
        {
          field: 'product_skus',
          reason: 'soldes_offered_too_late',
          skus: tooRecent.map((variant) => variant.sku),
          latestOfferDay: latestOfferDay(period),
        },
      ]
    : []
}

/**
 * Whether a soldes rule may reduce this variant now: a period is open, the
 * rule started in it, and the variant was offered a month before it opened
 * (PR-08, PR-09). Checked at every read, as the catalog and the calendar
 * may have changed since the rule was accepted.
 */
export function soldesApplies(
  rule: Pick<PromotionRule, 'startsAt'>,
  facts: Pick<VariantFacts, 'firstOfferedAt'>,
  soldes: SoldesCalendar | null,
  now: Date
): boolean {
  const period = soldes?.periodAt(now)
  if (!period || rule.startsAt < period.startsAt) return false
  return offeredLongEnough(facts.firstOfferedAt, period)
}
