import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import PriceHistory from '#models/price_history'
import PromotionRule from '#models/promotion_rule'
import EffectivePrices, { PUBLIC_VIEWER } from '#services/pricing/effective_prices'
import { sqlTimestamp } from '#support/sql_timestamp'

/** Who changed a price: the catalog write's source, or "promotion" for a rule. */
export interface PriceOrigin {
  source: string
  adminUserId: number | null
}

const PROMOTION_ORIGIN: PriceOrigin = { source: 'promotion', adminUserId: null }

/** Boundaries of rules looked at by each run of the job, should one run be missed. */
const TRANSITION_LOOKBACK_HOURS = 48
const CHUNK = 500

interface LastRecorded {
  at: Date
  amount: number
  currency: string
}

/**
 * Keeps price_history the record of the public price actually charged (PR-01,
 * PR-07): a catalog price change, a product moving into a promoted category,
 * a public promotion starting or ending all change what everybody pays, and
 * later prior prices are read from this history. Members' prices are not
 * public prices and never enter it (PR-03).
 */
@inject()
export default class PublicPriceRecorder {
  constructor(protected prices: EffectivePrices) {}

  /**
   * Appends each variant's public price at `at` when it differs from the last
   * one recorded (its first price included). Entries never go back in time.
   */
  async record(
    variantIds: readonly number[],
    origin: PriceOrigin,
    client: QueryClientContract,
    at: Date = new Date()
  ): Promise<number> {
    let written = 0
    for (let index = 0; index < variantIds.length; index += CHUNK) {
      const ids = variantIds.slice(index, index + CHUNK)
      const [prices, last] = await Promise.all([
        this.prices.forVariants(ids, PUBLIC_VIEWER, { client, now: at }),
        this.lastRecorded(ids, client),
      ])
      const rows = [...prices.values()].flatMap((price) => {
        const previous = last.get(price.variantId)
        if (previous?.amount === price.publicPrice && previous.currency === price.currency) {
          return []
        }
        const changedAt = previous && previous.at > at ? previous.at : at
        return [
          {
            variant_id: price.variantId,
            old_amount: previous?.amount ?? null,
            new_amount: price.publicPrice,
            currency: price.currency,
            source: origin.source,
            admin_user_id: origin.adminUserId,
            changed_at: sqlTimestamp(DateTime.fromJSDate(changedAt)),
          },
        ]
      })
      if (rows.length) await client.table('price_history').multiInsert(rows)
      written += rows.length
    }
    return written
  }

  /**
   * The scheduled job. First the public price changes of the rules that
   * started or ended lately, at the instant each did: a variant whose history
   * already has an entry from that instant on is left alone, that entry was
   * computed with the rule in place. Then, while public rules run or have
   * just ended, every variant whose public price moved for another reason (a
   * product filed in a promoted category, a brand changed) gets it now.
   */
  async recordTransitions(now: Date = new Date()): Promise<number> {
    const since = DateTime.fromJSDate(now).minus({ hours: TRANSITION_LOOKBACK_HOURS })
    const [from, to] = [sqlTimestamp(since), sqlTimestamp(DateTime.fromJSDate(now))]
    // Members' prices are not public prices (PR-03).
    const rules = await PromotionRule.query()
      .whereNot('kind', 'vente_privee')
      .where((query) =>
        query.whereBetween('starts_at', [from, to]).orWhereBetween('ends_at', [from, to])
      )
      .preload('targets')
    const transitions = rules
      .flatMap((rule) =>
        [rule.startsAt, rule.endsAt]
          .filter((instant): instant is DateTime => !!instant && instant >= since)
          .filter((instant) => instant.toJSDate() <= now)
          .map((instant) => ({ rule, at: instant.toJSDate() }))
      )
      .sort((a, b) => a.at.getTime() - b.at.getTime())

    let written = 0
    for (const { rule, at } of transitions) {
      const reached = await this.variantsReachedBy(rule, db.connection())
      for (let index = 0; index < reached.length; index += CHUNK) {
        const ids = reached.slice(index, index + CHUNK)
        const last = await this.lastRecorded(ids, db.connection())
        const due = ids.filter((id) => {
          const previous = last.get(id)
          return previous && previous.at < at
        })
        if (!due.length) continue
        written += await db.transaction((trx) => this.record(due, PROMOTION_ORIGIN, trx, at))
      }
    }
    if (rules.length || (await this.publicRulesRunning(to))) {
      const all = await db.from('variants').orderBy('id').select('id')
      const ids = all.map((row) => Number(row.id))
      for (let index = 0; index < ids.length; index += CHUNK) {
        written += await db.transaction((trx) =>
          this.record(ids.slice(index, index + CHUNK), PROMOTION_ORIGIN, trx, now)
        )
      }
    }
    return written
  }

  private async publicRulesRunning(at: string): Promise<boolean> {
    const running = await db
      .from('promotion_rules')
      .whereNot('kind', 'vente_privee')
      .where('starts_at', '<=', at)
      .where((query) => query.whereNull('ends_at').orWhere('ends_at', '>', at))
      .first()
    return !!running
  }

  /**
   * Every variant a rule's scope holds today: its products, categories
   * (subtrees), brands and attribute values, or the whole catalog.
   */
  async variantsReachedBy(rule: PromotionRule, client: QueryClientContract): Promise<number[]> {
    const of = (type: string) =>
      rule.targets.filter((target) => target.targetType === type).map((target) => target.targetId)
    const [products, categories, brands, options] = [
      of('product'),
      of('category'),
      of('brand'),
      of('attribute_option'),
    ]
    const query = client
      .from('variants')
      .join('products', 'products.id', 'variants.product_id')
      .select('variants.id')
    if (rule.targets.length) {
      query.where((scope) => {
        if (products.length) scope.orWhereIn('variants.product_id', products)
        if (brands.length) scope.orWhereIn('products.brand_id', brands)
        for (const categoryId of categories) {
          scope.orWhereIn(
            'variants.product_id',
            client
              .from('category_product')
              .join('categories', 'categories.id', 'category_product.category_id')
              .where('categories.path', 'like', `%/${categoryId}/%`)
              .select('category_product.product_id')
          )
        }
        if (options.length) {
          scope
            .orWhereIn(
              'variants.product_id',
              client
                .from('product_attribute_values')
                .whereIn('attribute_option_id', options)
                .select('product_id')
            )
            .orWhereIn(
              'variants.id',
              client
                .from('variant_option_values')
                .whereIn('attribute_option_id', options)
                .select('variant_id')
            )
        }
      })
    }
    const rows = await query
    return rows.map((row) => Number(row.id))
  }

  /** The latest entry of each variant's history. */
  private async lastRecorded(
    variantIds: readonly number[],
    client: QueryClientContract
  ): Promise<Map<number, LastRecorded>> {
    if (!variantIds.length) return new Map()
    const rows = await PriceHistory.query({ client })
      .whereIn('variant_id', [...variantIds])
      .whereRaw(
        'changed_at = (SELECT MAX(latest.changed_at) FROM price_history latest ' +
          'WHERE latest.variant_id = price_history.variant_id)'
      )
      .orderBy('id')
    // Several entries at the same instant: the last written is in force.
    return new Map(
      rows.map((row) => [
        row.variantId,
        { at: row.changedAt.toJSDate(), amount: row.newAmount, currency: row.currency },
      ])
    )
  }
}
