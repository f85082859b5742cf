import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { addDays } from '@comptoir/contracts/french_calendar'
import CustomerGroup from '#models/customer_group'
import PromotionRule from '#models/promotion_rule'
import SoldesPeriod from '#models/soldes_period'
import { parisDate } from '#domain/paris_time'
import type { RuleTarget } from '#domain/pricing/promotion_rules'
import type { SoldesSeason } from '#domain/pricing/soldes_periods'
import { sqlTimestamp } from '#support/sql_timestamp'

/**
 * A rule row with sensible defaults: 30 % off the whole catalog, started an
 * hour ago, no end. Written as it is, without the admin checks (the tests of
 * those go through the back office).
 */
export async function createRule(
  values: Partial<
    Pick<
      PromotionRule,
      | 'name'
      | 'kind'
      | 'discountType'
      | 'value'
      | 'currency'
      | 'startsAt'
      | 'endsAt'
      | 'customerGroupId'
      | 'campaign'
    >
  > = {},
  targets: RuleTarget[] = []
) {
  const rule = await PromotionRule.create({
    name: 'Printemps',
    kind: 'promotion',
    discountType: 'percentage',
    value: 3000,
    currency: null,
    startsAt: DateTime.now().minus({ hours: 1 }),
    endsAt: null,
    ...values,
  })
  if (targets.length) {
    await db.table('promotion_rule_targets').multiInsert(
      targets.map((target) => ({
        promotion_rule_id: rule.id,
        target_type: target.type,
        target_id: target.id,
      }))
    )
  }
  return rule
}

/**
 * Replaces a variant's price history: `[daysAgo, amount]` pairs, the first
 * price being when it was first offered.
 */
export async function setPriceHistory(variantId: number, points: [number, number][]) {
  await db.from('price_history').where('variant_id', variantId).delete()
  await db.table('price_history').multiInsert(
    points.map(([daysAgo, amount]) => ({
      variant_id: variantId,
      old_amount: null,
      new_amount: amount,
      currency: 'EUR',
      source: 'seed',
      changed_at: sqlTimestamp(DateTime.now().minus({ days: daysAgo })),
    }))
  )
}

/**
 * A national soldes period of four weeks recorded over the arrêté's, open
 * since two days ago, whatever today is (as a one-off arrêté would move it):
 * the summer period from April to October, the winter one otherwise, so the
 * other period of the year stays months away.
 */
export async function soldesPeriodAroundToday() {
  const firstDay = addDays(parisDate(new Date()), -2)
  const month = Number(firstDay.slice(5, 7))
  const season: SoldesSeason = month >= 4 && month <= 10 ? 'summer' : 'winter'
  return SoldesPeriod.create({
    year: Number(firstDay.slice(0, 4)),
    season,
    firstDay,
    lastDay: addDays(firstDay, 27),
    openingTime: '08:00',
    note: 'Tests',
  })
}

export async function customerGroup(name = 'Club', customerIds: number[] = []) {
  const group = await CustomerGroup.create({ name, description: null })
  if (customerIds.length) await group.related('customers').attach(customerIds)
  return group
}
