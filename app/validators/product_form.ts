import vine from '@vinejs/vine'
import { slugRule } from '#validators/rules'
import { FRENCH_VAT_RATES } from '#domain/vat'
import { QUANTITY_UNITS } from '#domain/unit_price'
import { WITHDRAWAL_EXCEPTIONS } from '#domain/withdrawal_exceptions'

const price = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{1,7}([.,]\d{1,2})?$/)
const optionalText = (max: number) => vine.string().trim().maxLength(max).optional()
const stockCount = () => vine.number().min(0).max(1_000_000).withoutDecimals().nullable().optional()

const translation = (required: boolean) =>
  vine.object({
    name: required ? vine.string().trim().minLength(2).maxLength(200) : optionalText(200),
    slug: slugRule(),
    short_description: optionalText(500),
    description: optionalText(20_000),
    seo_title: optionalText(200),
    seo_description: optionalText(320),
  })

/**
 * The back-office product form. Prices are typed in euros ("89", "89,90");
 * the product being edited passes its id in meta so its own SKUs stay free.
 */
export const productFormValidator = vine.withMetaData<{ productId: number | null }>().compile(
  vine.object({
    type: vine.enum(['simple', 'configurable']),
    brand_id: vine
      .number()
      .positive()
      .withoutDecimals()
      .exists({ table: 'brands', column: 'id' })
      .optional(),
    attribute_set_id: vine
      .number()
      .positive()
      .withoutDecimals()
      .exists({ table: 'attribute_sets', column: 'id' })
      .optional(),
    vat_rate: vine.number().in([...FRENCH_VAT_RATES]),
    weight_grams: vine.number().min(0).max(100_000).withoutDecimals().optional(),
    net_quantity: vine
      .string()
      .trim()
      .regex(/^\d{1,6}([.,]\d{1,3})?$/)
      .optional()
      .requiredIfExists('net_quantity_unit'),
    net_quantity_unit: vine.enum(QUANTITY_UNITS).optional().requiredIfExists('net_quantity'),
    withdrawal_exception: vine.enum(WITHDRAWAL_EXCEPTIONS),
    enabled: vine.boolean().optional(),
    visible: vine.boolean().optional(),
    featured: vine.boolean().optional(),
    translations: vine.object({ fr: translation(true), en: translation(false).optional() }),
    categories: vine
      .array(
        vine.number().positive().withoutDecimals().exists({ table: 'categories', column: 'id' })
      )
      .optional(),
    /**
     * Characteristics by attribute id: an option id, option ids, a number, "1" or
     * text depending on the attribute's type; ProductForm reads them by type.
     */
    attributes: vine.record(vine.any().nullable().optional()).optional(),
    related: vine.string().trim().maxLength(2000).optional(),
    variants: vine
      .array(
        vine.object({
          sku: vine
            .string()
            .trim()
            .toUpperCase()
            .regex(/^[A-Z0-9][A-Z0-9._-]*$/)
            .maxLength(64)
            .unique({
              table: 'variants',
              column: 'sku',
              filter: (query, _value, field) => {
                if (field.meta.productId) query.whereNot('product_id', field.meta.productId)
              },
            }),
          price: price(),
          withdrawal_exception: vine.enum(WITHDRAWAL_EXCEPTIONS).optional(),
          options: vine.record(vine.number().positive().withoutDecimals().nullable()).optional(),
          stock: vine
            .record(
              vine.object({
                quantity: stockCount(),
                threshold: stockCount(),
                counted_from: vine.number().min(0).withoutDecimals().nullable().optional(),
              })
            )
            .optional(),
        })
      )
      .minLength(1)
      .distinct('sku'),
  })
)
