import vine from '@vinejs/vine'
import { slugRule } from '#validators/rules'

export const productGridValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  category: vine.number().positive().withoutDecimals().optional(),
  brand: vine.number().positive().withoutDecimals().optional(),
  status: vine.enum(['enabled', 'disabled']).optional(),
  stock: vine.enum(['in_stock', 'out_of_stock']).optional(),
  sort: vine.enum(['newest', 'name', 'price']).optional(),
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})

export const productImageValidator = vine.create({
  image: vine.file({ size: '10mb', extnames: ['jpg', 'jpeg', 'png', 'webp', 'avif'] }),
  alt_fr: vine.string().trim().minLength(3).maxLength(200),
  alt_en: vine.string().trim().maxLength(200).optional(),
})

export const catalogImportValidator = vine.create({
  file: vine.file({ size: '50mb', extnames: ['csv', 'txt'] }),
  mode: vine.enum(['all_or_nothing', 'valid_only']),
})

export const productMassActionValidator = vine.create({
  ids: vine.array(vine.number().positive().withoutDecimals()).minLength(1).maxLength(500),
  action: vine.enum(['enable', 'disable', 'categorize', 'delete']),
  category: vine
    .number()
    .positive()
    .withoutDecimals()
    .optional()
    .requiredWhen('action', '=', 'categorize'),
  confirm: vine.boolean().optional(),
})

const code = () =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]*$/)
    .maxLength(32)
/**
 * A code is chosen once, at creation, and must be unused in its table; on update
 * (`meta.recordId` set) it may be left out, since codes never change.
 */
const codeOfNewRecord = (table: string) =>
  code()
    .unique({
      table,
      column: 'code',
      filter: (query, _value, field) => {
        if (field.meta.recordId) query.whereNot('id', field.meta.recordId)
      },
    })
    .optional()
    .requiredWhen((field) => !field.meta.recordId)
const labels = () =>
  vine.object({
    fr: vine.string().trim().minLength(1).maxLength(120),
    en: vine.string().trim().maxLength(120).optional(),
  })

export const attributeValidator = vine.withMetaData<{ recordId: number | null }>().compile(
  vine.object({
    code: codeOfNewRecord('attributes'),
    type: vine.enum(['select', 'multiselect', 'number', 'boolean', 'text']),
    unit: vine.string().trim().maxLength(16).optional(),
    labels: labels(),
    filterable: vine.boolean().optional(),
    searchable: vine.boolean().optional(),
    visible: vine.boolean().optional(),
    variant_option: vine.boolean().optional(),
  })
)

export const attributeOptionValidator = vine.create({
  code: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]*$/)
    .maxLength(64),
  labels: labels(),
})

export const locationValidator = vine.withMetaData<{ locationId: number | null }>().compile(
  vine.object({
    code: code()
      .unique({
        table: 'stock_locations',
        column: 'code',
        filter: (query, _value, field) => {
          if (field.meta.locationId) query.whereNot('id', field.meta.locationId)
        },
      })
      .optional()
      .requiredWhen((field) => !field.meta.locationId),
    name: vine.string().trim().minLength(2).maxLength(120),
    type: vine.enum(['warehouse', 'store']),
    fulfils_online: vine.boolean().optional(),
    click_and_collect: vine.boolean().optional(),
  })
)

export const synonymValidator = vine.create({
  locale: vine.enum(['fr', 'en']),
  terms: vine
    .string()
    .trim()
    .regex(/^[^,]+(,[^,]+)+$/)
    .maxLength(500),
})

const categoryTexts = {
  slug: slugRule(),
  description: vine.string().trim().maxLength(20_000).optional(),
}

export const categoryValidator = vine.create({
  parent_id: vine.number().positive().withoutDecimals().optional(),
  enabled: vine.boolean().optional(),
  translations: vine.object({
    fr: vine.object({ name: vine.string().trim().minLength(2).maxLength(160), ...categoryTexts }),
    en: vine
      .object({ name: vine.string().trim().maxLength(160).optional(), ...categoryTexts })
      .optional(),
  }),
})

/**
 * "Move to position N" in a list ordered by hand: 1 is first, and a position
 * past the end means last.
 */
export const manualPositionValidator = vine.create({
  position: vine.number().positive().withoutDecimals().max(1_000_000),
})

export const pageValidator = vine.create({
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})

export const productImageArrangementValidator = vine.create({
  position: vine.number().positive().withoutDecimals().max(1000),
  variant_id: vine.number().positive().withoutDecimals().optional(),
})

export const attributeSetValidator = vine.withMetaData<{ recordId: number | null }>().compile(
  vine.object({
    code: codeOfNewRecord('attribute_sets'),
    labels: labels(),
    attributes: vine
      .array(
        vine.number().positive().withoutDecimals().exists({ table: 'attributes', column: 'id' })
      )
      .optional(),
  })
)
