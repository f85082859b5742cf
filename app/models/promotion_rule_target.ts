import { column } from '@adonisjs/lucid/orm'
import { PromotionRuleTargetSchema } from '#database/schema'
import type { TargetType } from '#domain/pricing/promotion_rules'

/** One product, category, brand or attribute value a rule reaches. */
export default class PromotionRuleTarget extends PromotionRuleTargetSchema {
  static table = 'promotion_rule_targets'

  @column()
  declare targetType: TargetType
}
