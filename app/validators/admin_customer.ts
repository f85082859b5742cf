import vine from '@vinejs/vine'

export const customerGridValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})

export const customerNoteValidator = vine.create({
  body: vine.string().trim().minLength(1).maxLength(2000),
})
