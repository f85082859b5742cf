import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { DISCOUNT_TYPES, PROMOTION_KINDS } from '#domain/pricing/promotion_rules'
import { knownSkus, percentage } from '#validators/coupon'
import { euroAmount } from '#validators/rules'
import { translatedMessages } from '#validators/translated_messages'

const ids = (table: string) =>
  vine
    .array(vine.number().positive().withoutDecimals().exists({ table, column: 'id' }))
    .maxLength(500)
    .optional()

/**
 * The back-office promotion rule form. The value is a percentage ("12,5") or
 * an amount in euros ("15,00"); the start is a Paris date and time (soldes
 * open at 08:00), the end a Paris day, included. What each kind must respect
 * (PR-08 to PR-12) is checked by the pricing rules once the form is valid.
 */
export const promotionValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(160),
  kind: vine.enum(PROMOTION_KINDS),
  discount_type: vine.enum(DISCOUNT_TYPES),
  percentage: vine
    .string()
    .trim()
    .use(percentage())
    .optional()
    .requiredWhen('discount_type', '=', 'percentage'),
  amount: vine
    .string()
    .trim()
    .use(euroAmount())
    .optional()
    .requiredWhen('discount_type', '=', 'fixed_amount'),
  starts_at: vine.date({ formats: ['YYYY-MM-DD[T]HH:mm', 'YYYY-MM-DD HH:mm'] }),
  ends_on: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  customer_group_id: vine
    .number()
    .positive()
    .withoutDecimals()
    .exists({ table: 'customer_groups', column: 'id' })
    .optional(),
  campaign: vine.string().trim().maxLength(80).optional(),
  declaration_reference: vine.string().trim().maxLength(120).optional(),
  product_skus: vine.string().maxLength(5000).use(knownSkus()).optional(),
  category_ids: ids('categories'),
  brand_ids: ids('brands'),
  option_ids: ids('attribute_options'),
})

export const customerGroupValidator = vine.withMetaData<{ groupId: number | null }>().compile(
  vine.object({
    name: vine
      .string()
      .trim()
      .minLength(1)
      .maxLength(120)
      .unique({
        table: 'customer_groups',
        column: 'name',
        filter: (query, _value, field) => {
          if (field.meta.groupId) query.whereNot('id', field.meta.groupId)
        },
      }),
    description: vine.string().trim().maxLength(500).optional(),
  })
)

export const promotionGridValidator = vine.create({
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})

/** The groups a customer belongs to, as ticked on their page. */
export const customerGroupsValidator = vine.create({
  group_ids: ids('customer_groups'),
})

/** Messages of the promotion forms (promotions.validator), then the shared ones. */
export function promotionMessages(i18n: I18n): MessagesProviderContact {
  return translatedMessages(i18n, 'promotions.validator', 'coupons.validator')
}
