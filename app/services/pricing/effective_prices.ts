import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { addDays } from '@comptoir/contracts/french_calendar'
import PriceHistory from '#models/price_history'
import PromotionRule from '#models/promotion_rule'
import { resolvePrice, type ResolvedPrice } from '#domain/pricing/effective_price'
import { parisDate, parisInstant } from '#domain/paris_time'
import { PRIOR_PRICE_DAYS, type PricePoint } from '#domain/pricing/prior_price'
import {
  isMembersOnly,
  isRunning,
  targetsVariant,
  type PromotionRule as Rule,
  type VariantFacts,
} from '#domain/pricing/promotion_rules'
import {
  effectiveWithdrawalException,
  type WithdrawalException,
} from '#domain/withdrawal_exceptions'
import { categoriesWithAncestors } from '#support/category_ancestry'
import { sqlTimestamp } from '#support/sql_timestamp'
import SoldesCalendarService from '#services/pricing/soldes_calendar_service'

export type { ResolvedPrice } from '#domain/pricing/effective_price'

/** Who looks at prices: a signed-in customer sees their groups' ventes privées. */
export interface PriceViewer {
  readonly customerId: number | null
}

/** Everybody: the prices a page cached for all visitors may show. */
export const PUBLIC_VIEWER: PriceViewer = { customerId: null }

/** How far back campaigns are looked for (PR-02): longer than any soldes period. */
const CAMPAIGN_LOOKBACK_DAYS = 120

export interface PriceOptions {
  client?: QueryClientContract
  now?: Date
}

/**
 * The one place sale prices are read from: storefront pages, the cart, the
 * checkout summary and the order all ask it what a variant costs now and
 * which reduction is announced. Pure rules decide (#domain/pricing); this
 * loads what they need in a fixed number of queries, whatever the number of
 * variants, and none beyond the rules when no rule is running.
 */
@inject()
export default class EffectivePrices {
  constructor(protected soldesCalendar: SoldesCalendarService) {}

  async forVariants(
    variantIds: readonly number[],
    viewer: PriceViewer,
    options: PriceOptions = {}
  ): Promise<Map<number, ResolvedPrice>> {
    const ids = [...new Set(variantIds)]
    const prices = new Map<number, ResolvedPrice>()
    if (!ids.length) return prices
    const client = options.client ?? db.connection()
    const now = options.now ?? new Date()

    const [rules, variants] = await Promise.all([
      this.rulesAround(now, client),
      client
        .from('variants')
        .join('products', 'products.id', 'variants.product_id')
        .whereIn('variants.id', ids)
        .select(
          'variants.id',
          'variants.product_id',
          'variants.price_amount',
          'variants.currency',
          'variants.withdrawal_exception',
          'products.withdrawal_exception as product_withdrawal_exception',
          'products.brand_id'
        ),
    ])
    const running = rules.filter((rule) => isRunning(rule, now))
    const scope = await this.scopeFacts(running, variants, client)
    const facts = variants.map((row): VariantFacts => ({
      variantId: Number(row.id),
      productId: Number(row.product_id),
      brandId: row.brand_id === null ? null : Number(row.brand_id),
      categoryIds: scope.categories.get(Number(row.product_id)) ?? [],
      optionIds: [
        ...(scope.productOptions.get(Number(row.product_id)) ?? []),
        ...(scope.variantOptions.get(Number(row.id)) ?? []),
      ],
      basePrice: Number(row.price_amount),
      currency: row.currency,
      perishable:
        effectiveWithdrawalException(
          row.product_withdrawal_exception as WithdrawalException,
          row.withdrawal_exception as WithdrawalException | null
        ) === 'perishable',
      firstOfferedAt: null,
    }))

    const reached = facts.filter((fact) => running.some((rule) => targetsVariant(rule, fact)))
    const reachedIds = reached.map((fact) => fact.variantId)
    const withSoldes = rules.some((rule) => rule.kind === 'soldes')
    const withMembers = viewer.customerId !== null && running.some(isMembersOnly)
    const [history, firstOffers, groupIds, soldes] = await Promise.all([
      this.history(reachedIds, rules, client),
      withSoldes ? this.firstOffers(reachedIds, client) : new Map<number, Date>(),
      withMembers ? this.groupsOf(viewer.customerId!, client) : [],
      withSoldes ? this.soldesCalendar.calendar(client) : null,
    ])
    for (const fact of facts) {
      fact.firstOfferedAt = firstOffers.get(fact.variantId) ?? null
      prices.set(
        fact.variantId,
        resolvePrice(fact, {
          now,
          rules,
          groupIds,
          soldes,
          history: history.get(fact.variantId) ?? [],
        })
      )
    }
    return prices
  }

  /**
   * Rules running at `now`, and those started within the campaign look-back
   * (earlier markdowns of a running campaign, PR-02).
   */
  private async rulesAround(now: Date, client: QueryClientContract): Promise<Rule[]> {
    const at = sqlTimestamp(DateTime.fromJSDate(now))
    const since = sqlTimestamp(DateTime.fromJSDate(now).minus({ days: CAMPAIGN_LOOKBACK_DAYS }))
    const rules = await PromotionRule.query({ client })
      .where('starts_at', '<=', at)
      .where((query) =>
        query.whereNull('ends_at').orWhere('ends_at', '>', at).orWhere('starts_at', '>=', since)
      )
      .preload('targets')
      .orderBy('id')
    return rules.map((rule) => rule.rules())
  }

  /**
   * Categories (with their ancestors) and attribute values of the products,
   * read only when a running rule targets them.
   */
  private async scopeFacts(
    running: Rule[],
    variants: { id: number; product_id: number }[],
    client: QueryClientContract
  ) {
    const targets = new Set(running.flatMap((rule) => rule.targets.map((target) => target.type)))
    const productIds = [...new Set(variants.map((row) => Number(row.product_id)))]
    const variantIds = variants.map((row) => Number(row.id))
    const [categories, productOptions, variantOptions] = await Promise.all([
      targets.has('category')
        ? categoriesWithAncestors(client, productIds)
        : new Map<number, number[]>(),
      targets.has('attribute_option')
        ? this.optionsBy(client, 'product_attribute_values', 'product_id', productIds)
        : new Map<number, number[]>(),
      targets.has('attribute_option')
        ? this.optionsBy(client, 'variant_option_values', 'variant_id', variantIds)
        : new Map<number, number[]>(),
    ])
    return { categories, productOptions, variantOptions }
  }

  private async optionsBy(
    client: QueryClientContract,
    table: 'product_attribute_values' | 'variant_option_values',
    key: 'product_id' | 'variant_id',
    ids: number[]
  ): Promise<Map<number, number[]>> {
    const rows = await client
      .from(table)
      .whereIn(key, ids)
      .whereNotNull('attribute_option_id')
      .select(key, 'attribute_option_id')
    const byOwner = new Map<number, number[]>()
    for (const row of rows) {
      const owner = Number(row[key])
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), Number(row.attribute_option_id)])
    }
    return byOwner
  }

  /**
   * The public price history the prior prices need: from the price in force
   * when the earliest window opens (30 days before the earliest rule) on.
   */
  private async history(
    variantIds: number[],
    rules: Rule[],
    client: QueryClientContract
  ): Promise<Map<number, PricePoint[]>> {
    const byVariant = new Map<number, PricePoint[]>()
    if (!variantIds.length || !rules.length) return byVariant
    const earliest = new Date(Math.min(...rules.map((rule) => rule.startsAt.getTime())))
    const windowStart = sqlTimestamp(
      DateTime.fromJSDate(parisInstant(addDays(parisDate(earliest), -PRIOR_PRICE_DAYS)))
    )
    const rows = await PriceHistory.query({ client })
      .whereIn('variant_id', variantIds)
      .where((query) =>
        query
          .where('changed_at', '>=', windowStart)
          .orWhereRaw(
            'changed_at = (SELECT MAX(earlier.changed_at) FROM price_history earlier ' +
              'WHERE earlier.variant_id = price_history.variant_id AND earlier.changed_at < ?)',
            [windowStart]
          )
      )
      .orderBy('changed_at')
      .orderBy('id')
    for (const row of rows) {
      const points = byVariant.get(row.variantId) ?? []
      points.push({ at: row.changedAt.toJSDate(), amount: row.newAmount })
      byVariant.set(row.variantId, points)
    }
    return byVariant
  }

  /** When each variant got its first price: first offered for sale (PR-09). */
  private async firstOffers(
    variantIds: number[],
    client: QueryClientContract
  ): Promise<Map<number, Date>> {
    if (!variantIds.length) return new Map()
    const rows = await PriceHistory.query({ client })
      .whereIn('variant_id', variantIds)
      .whereRaw(
        'changed_at = (SELECT MIN(oldest.changed_at) FROM price_history oldest ' +
          'WHERE oldest.variant_id = price_history.variant_id)'
      )
    return new Map(rows.map((row) => [row.variantId, row.changedAt.toJSDate()]))
  }

  private async groupsOf(customerId: number, client: QueryClientContract): Promise<number[]> {
    const rows = await client
      .from('customer_group_members')
      .where('customer_id', customerId)
      .select('customer_group_id')
    return rows.map((row) => Number(row.customer_group_id))
  }
}
