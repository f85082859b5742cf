import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { PromotionRuleSchema } from '#database/schema'
import CustomerGroup from '#models/customer_group'
import PromotionRuleTarget from '#models/promotion_rule_target'
import type {
  DiscountType,
  PromotionKind,
  PromotionRule as PromotionRuleRules,
} from '#domain/pricing/promotion_rules'

/**
 * A price reduction the merchant scheduled (LEGAL.md §5). Written by
 * PromotionAdminService only, which checks it against the rules of its kind.
 */
export default class PromotionRule extends PromotionRuleSchema {
  @column()
  declare kind: PromotionKind

  @column()
  declare discountType: DiscountType

  @hasMany(() => PromotionRuleTarget)
  declare targets: HasMany<typeof PromotionRuleTarget>

  @belongsTo(() => CustomerGroup)
  declare customerGroup: BelongsTo<typeof CustomerGroup>

  /** The rule as the pure pricing rules read it; `targets` must be loaded. */
  rules(): PromotionRuleRules {
    return {
      id: this.id,
      kind: this.kind,
      discountType: this.discountType,
      value: this.value,
      currency: this.currency,
      startsAt: this.startsAt.toJSDate(),
      endsAt: this.endsAt?.toJSDate() ?? null,
      customerGroupId: this.customerGroupId,
      campaign: this.campaign,
      targets: this.targets.map((target) => ({ type: target.targetType, id: target.targetId })),
    }
  }
}
