import { priorPrice, reductionPercentage, type PricePoint } from '#domain/pricing/prior_price'
import {
  campaignKey,
  isMembersOnly,
  isRunning,
  reducedPrice,
  soldesApplies,
  targetsVariant,
  type PromotionKind,
  type PromotionRule,
  type VariantFacts,
} from '#domain/pricing/promotion_rules'
import type { SoldesCalendar } from '#domain/pricing/soldes_periods'

/**
 * What a reduction is compared with on the storefront:
 *   - lowest_30_days: the prior price (PR-01, PR-02, PR-04);
 *   - regular_price: the catalog price, for perishable goods (PR-03);
 *   - public_price: what every other shopper pays now, for a members' price
 *     (reductions reserved to a group are out of PR-01's scope, PR-03).
 */
export type ReferenceBasis = 'lowest_30_days' | 'regular_price' | 'public_price'

/** A reduction as it is announced: the struck price, its basis, the percentage. */
export interface AnnouncedReduction {
  ruleId: number
  kind: PromotionKind
  reference: number
  basis: ReferenceBasis
  /** Basis points, rounded down to a tenth of a percent. */
  percentage: number
}

export interface ResolvedPrice {
  variantId: number
  currency: string
  /** The catalog price. */
  basePrice: number
  /** What every shopper pays now: the catalog price or a public reduction's. */
  publicPrice: number
  /** What this shopper pays: the public price or, for a member, a lower members' price. */
  price: number
  /** The rule giving `price`, or null at the catalog price. */
  ruleId: number | null
  /** Null when the price is not reduced, or when no reduction may be announced. */
  reduction: AnnouncedReduction | null
  /** True when `price` is a members' price: never put it in a page cached for everyone. */
  membersOnly: boolean
}

export interface PricingContext {
  now: Date
  /** Rules running now, and earlier rules of their campaigns. */
  rules: readonly PromotionRule[]
  /** The shopper's customer groups; none for a visitor. */
  groupIds: readonly number[]
  /** Needed as soon as a soldes rule is among `rules`. */
  soldes: SoldesCalendar | null
  /** The variant's public price history. */
  history: readonly PricePoint[]
}

interface Offer {
  rule: PromotionRule
  price: number
}

/**
 * The price a shopper pays for a variant now, and the reduction announced.
 * When several rules match, the shopper gets the lowest price (ties go to the
 * rule created first): rules never stack, and announcing a dearer rule while
 * charging a cheaper one would misstate the reduction.
 */
export function resolvePrice(facts: VariantFacts, context: PricingContext): ResolvedPrice {
  const offers = context.rules.flatMap((rule): Offer[] => {
    if (!isRunning(rule, context.now) || !targetsVariant(rule, facts)) return []
    if (isMembersOnly(rule) && !context.groupIds.includes(rule.customerGroupId ?? -1)) return []
    if (rule.kind === 'soldes' && !soldesApplies(rule, facts, context.soldes, context.now)) {
      return []
    }
    const price = reducedPrice(facts.basePrice, facts.currency, rule)
    return price === null ? [] : [{ rule, price }]
  })
  const bestPublic = best(offers.filter((offer) => !isMembersOnly(offer.rule)))
  const chosen = best(offers)
  const publicPrice = bestPublic?.price ?? facts.basePrice
  const base = {
    variantId: facts.variantId,
    currency: facts.currency,
    basePrice: facts.basePrice,
    publicPrice,
  }
  if (!chosen) {
    return { ...base, price: publicPrice, ruleId: null, reduction: null, membersOnly: false }
  }
  const membersOnly = chosen !== bestPublic
  return {
    ...base,
    price: chosen.price,
    ruleId: chosen.rule.id,
    reduction: announced(chosen, facts, context, publicPrice),
    membersOnly,
  }
}

function best(offers: Offer[]): Offer | null {
  let found: Offer | null = null
  for (const offer of offers) {
    if (
      !found ||
      offer.price < found.price ||
      (offer.price === found.price && offer.rule.id < found.rule.id)
    ) {
      found = offer
    }
  }
  return found
}

function announced(
  offer: Offer,
  facts: VariantFacts,
  context: PricingContext,
  publicPrice: number
): AnnouncedReduction | null {
  const [basis, reference] = referenceOf(offer.rule, facts, context, publicPrice)
  if (reference === null) return null
  const percentage = reductionPercentage(reference, offer.price)
  if (percentage === null) return null
  return { ruleId: offer.rule.id, kind: offer.rule.kind, reference, basis, percentage }
}

function referenceOf(
  rule: PromotionRule,
  facts: VariantFacts,
  context: PricingContext,
  publicPrice: number
): [ReferenceBasis, number | null] {
  if (isMembersOnly(rule)) return ['public_price', publicPrice]
  if (facts.perishable) return ['regular_price', facts.basePrice]
  const prior = priorPrice(context.history, campaignStart(rule, facts, context))
  return ['lowest_30_days', prior?.amount ?? null]
}

/**
 * When the rule's campaign first reduced this variant: the prior price of a
 * deeper markdown stays the one before the first (PR-02). A campaign name is
 * free text a later, unrelated campaign may reuse, so named rules chain only
 * without a gap: each earlier link still running (or just ending) when the
 * next starts. Soldes markdowns are bound by their official period already.
 */
export function campaignStart(
  rule: PromotionRule,
  facts: VariantFacts,
  context: Pick<PricingContext, 'rules' | 'soldes'>
): Date {
  const key = campaignKey(rule, context.soldes)
  const earlier = context.rules.filter(
    (other) =>
      other.startsAt < rule.startsAt &&
      !isMembersOnly(other) &&
      targetsVariant(other, facts) &&
      campaignKey(other, context.soldes) === key
  )
  if (!rule.campaign) {
    return earlier.reduce(
      (start, other) => (other.startsAt < start ? other.startsAt : start),
      rule.startsAt
    )
  }
  let start = rule.startsAt
  for (let linked = true; linked;) {
    linked = false
    for (const other of earlier) {
      if (other.startsAt < start && (other.endsAt === null || other.endsAt >= start)) {
        start = other.startsAt
        linked = true
      }
    }
  }
  return start
}
