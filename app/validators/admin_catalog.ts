import vine from '@vinejs/vine'

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
