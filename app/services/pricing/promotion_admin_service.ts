import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import PromotionRule from '#models/promotion_rule'
import AuditLogService from '#services/audit_log_service'
import type { BackOfficeActor } from '#services/coupon_admin_service'
import PublicPriceRecorder from '#services/pricing/public_price_recorder'
import SoldesCalendarService from '#services/pricing/soldes_calendar_service'
import {
  isRunning,
  ruleRefusals,
  type DiscountType,
  type PromotionKind,
  type RuleRefusal,
  type RuleTarget,
} from '#domain/pricing/promotion_rules'
import PagePurge from '#services/page_cache/page_purge'

export const PROMOTION_PAGE_SIZE = 25

export interface PromotionInput {
  name: string
  kind: PromotionKind
  discountType: DiscountType
  /** Basis points for a percentage, minor units for a fixed amount. */
  value: number
  currency: string | null
  startsAt: DateTime
  /** Exclusive: the midnight after the last day. */
  endsAt: DateTime | null
  customerGroupId: number | null
  campaign: string | null
  declarationReference: string | null
  /** Products named by the SKU of any of their variants (they must exist). */
  productSkus: string[]
  categoryIds: number[]
  brandIds: number[]
  optionIds: number[]
}

export type PromotionSave =
  { kind: 'saved'; rule: PromotionRule } | { kind: 'refused'; refusals: RuleRefusal[] }

export type PromotionDeletion = { status: 'deleted' } | { status: 'started' }

/**
 * Back-office writes to promotion rules, each one transaction with its audit
 * entry. A rule is saved only when the pricing rules accept it (PR-08 to
 * PR-12); when a change alters what shoppers pay now, the price history
 * records the new public prices in the same transaction. A rule that has
 * started is never deleted, only ended: the reductions it announced stay
 * explained.
 */
@inject()
export default class PromotionAdminService {
  constructor(
    protected auditLog: AuditLogService,
    protected soldes: SoldesCalendarService,
    protected recorder: PublicPriceRecorder,
    protected pagePurge: PagePurge
  ) {}

  async list(page: number) {
    return PromotionRule.query()
      .preload('customerGroup')
      .orderBy('starts_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(page, PROMOTION_PAGE_SIZE)
  }

  /** A rule with its targets, and one SKU per named product as the form shows them. */
  async load(ruleId: number) {
    const rule = await PromotionRule.query().where('id', ruleId).preload('targets').firstOrFail()
    const productIds = rule.targets
      .filter((target) => target.targetType === 'product')
      .map((target) => target.targetId)
    const rows = productIds.length
      ? await db
          .from('variants')
          .whereIn('product_id', productIds)
          .orderBy('product_id')
          .orderBy('position')
          .orderBy('id')
          .select('product_id', 'sku')
      : []
    const skuByProduct = new Map<number, string>()
    for (const row of rows) {
      if (!skuByProduct.has(Number(row.product_id))) {
        skuByProduct.set(Number(row.product_id), row.sku)
      }
    }
    return { rule, productSkus: [...skuByProduct.values()] }
  }

  async create(input: PromotionInput, actor: BackOfficeActor): Promise<PromotionSave> {
    return this.save(null, input, actor)
  }

  async update(ruleId: number, input: PromotionInput, actor: BackOfficeActor) {
    return this.save(ruleId, input, actor)
  }

  /** Ends a running rule now (a scheduled one ends before it starts: deleting it is simpler). */
  async stop(ruleId: number, actor: BackOfficeActor) {
    return db.transaction(async (trx) => {
      await this.pagePurge.everything(trx)
      const rule = await this.locked(ruleId, trx)
      const now = DateTime.now()
      if (!isRunning(rule.rules(), now.toJSDate())) return rule
      const before = await this.recorder.variantsReachedBy(rule, trx)
      rule.endsAt = now
      await rule.save()
      await this.recordPrices(before, rule, actor, trx)
      await this.audit('promotion.stop', rule, actor, trx)
      return rule
    })
  }

  async delete(ruleId: number, actor: BackOfficeActor): Promise<PromotionDeletion> {
    return db.transaction(async (trx) => {
      await this.pagePurge.everything(trx)
      const rule = await this.locked(ruleId, trx)
      if (rule.startsAt <= DateTime.now()) return { status: 'started' as const }
      await rule.delete()
      await this.audit('promotion.delete', rule, actor, trx)
      return { status: 'deleted' as const }
    })
  }

  private async save(
    ruleId: number | null,
    input: PromotionInput,
    actor: BackOfficeActor
  ): Promise<PromotionSave> {
    const now = new Date()
    const productIds = await this.productIdsOf(input.productSkus)
    const [calendar, namedVariants] = await Promise.all([
      this.soldes.calendar(),
      input.kind === 'soldes' ? this.namedVariants(productIds) : [],
    ])
    return db.transaction(async (trx) => {
      await this.pagePurge.everything(trx)
      const saved = ruleId ? await this.locked(ruleId, trx) : null
      const refusals = ruleRefusals(
        {
          kind: input.kind,
          startsAt: input.startsAt.toJSDate(),
          endsAt: input.endsAt?.toJSDate() ?? null,
          customerGroupId: input.customerGroupId,
          declarationReference: input.declarationReference,
        },
        {
          soldes: calendar,
          now,
          saved: saved && { startsAt: saved.startsAt.toJSDate() },
          namedVariants,
        }
      )
      if (refusals.length) return { kind: 'refused' as const, refusals }

      const before = saved ? await this.reachedIfRunning(saved, now, trx) : []
      const rule = saved ?? new PromotionRule()
      rule.useTransaction(trx)
      rule.merge(this.columns(input))
      await rule.save()
      await this.writeTargets(rule, this.targets(input, productIds), trx)
      await rule.load('targets')
      await this.recordPrices(before, rule, actor, trx)
      await this.audit(saved ? 'promotion.update' : 'promotion.create', rule, actor, trx)
      return { kind: 'saved' as const, rule }
    })
  }

  /**
   * The public prices of the variants the rule reached before and reaches
   * now, recorded when they changed (nothing changes for a rule that does
   * not run now, so nothing is read then).
   */
  private async recordPrices(
    before: number[],
    rule: PromotionRule,
    actor: BackOfficeActor,
    trx: TransactionClientContract
  ) {
    const after = await this.reachedIfRunning(rule, new Date(), trx)
    const variantIds = [...new Set([...before, ...after])]
    if (!variantIds.length) return
    await this.recorder.record(
      variantIds,
      { source: 'promotion', adminUserId: actor.admin?.id ?? null },
      trx
    )
  }

  /** The variants a rule reduces now; its targets must be loaded. */
  private async reachedIfRunning(rule: PromotionRule, now: Date, trx: TransactionClientContract) {
    if (!isRunning(rule.rules(), now)) return []
    return this.recorder.variantsReachedBy(rule, trx)
  }

  private columns(input: PromotionInput) {
    return {
      name: input.name,
      kind: input.kind,
      discountType: input.discountType,
      value: input.value,
      currency: input.currency,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      customerGroupId: input.kind === 'vente_privee' ? input.customerGroupId : null,
      campaign: input.campaign,
      declarationReference: input.kind === 'liquidation' ? input.declarationReference : null,
    }
  }

  private targets(input: PromotionInput, productIds: number[]): RuleTarget[] {
    return [
      ...productIds.map((id) => ({ type: 'product' as const, id })),
      ...input.categoryIds.map((id) => ({ type: 'category' as const, id })),
      ...input.brandIds.map((id) => ({ type: 'brand' as const, id })),
      ...input.optionIds.map((id) => ({ type: 'attribute_option' as const, id })),
    ]
  }

  private async writeTargets(
    rule: PromotionRule,
    targets: RuleTarget[],
    trx: TransactionClientContract
  ) {
    await trx.from('promotion_rule_targets').where('promotion_rule_id', rule.id).delete()
    const unique = new Map(targets.map((target) => [`${target.type}:${target.id}`, target]))
    if (!unique.size) return
    await trx.table('promotion_rule_targets').multiInsert(
      [...unique.values()].map((target) => ({
        promotion_rule_id: rule.id,
        target_type: target.type,
        target_id: target.id,
      }))
    )
  }

  private async productIdsOf(skus: string[]): Promise<number[]> {
    if (!skus.length) return []
    const rows = await db.from('variants').whereIn('sku', skus).distinct('product_id')
    return rows.map((row) => Number(row.product_id))
  }

  /** Every variant of the products named, with when it was first offered (PR-09). */
  private async namedVariants(productIds: number[]) {
    if (!productIds.length) return []
    const rows = await db
      .from('variants')
      .leftJoin('price_history', 'price_history.variant_id', 'variants.id')
      .whereIn('variants.product_id', productIds)
      .groupBy('variants.id', 'variants.sku')
      .select('variants.sku')
      .min('price_history.changed_at as first_offered_at')
      .orderBy('variants.sku')
    return rows.map((row) => ({
      sku: String(row.sku),
      firstOfferedAt: row.first_offered_at ? asInstant(row.first_offered_at) : null,
    }))
  }

  private async locked(ruleId: number, trx: TransactionClientContract) {
    const query = PromotionRule.query({ client: trx }).where('id', ruleId).preload('targets')
    if (trx.dialect.name === 'mysql') query.forUpdate()
    return query.firstOrFail()
  }

  private async audit(
    action: string,
    rule: PromotionRule,
    actor: BackOfficeActor,
    trx: TransactionClientContract
  ) {
    await this.auditLog.record(
      {
        actor: actor.admin,
        action,
        entityType: 'promotion_rule',
        entityId: rule.id,
        changes: {
          name: rule.name,
          kind: rule.kind,
          discountType: rule.discountType,
          value: rule.value,
          startsAt: rule.startsAt.toISO(),
          endsAt: rule.endsAt?.toISO() ?? null,
          declarationReference: rule.declarationReference,
        },
        ip: actor.ip,
      },
      trx
    )
  }
}

/** A timestamp as a raw query returns it: a Date (mysql2) or UTC text (SQLite). */
function asInstant(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`)
}
