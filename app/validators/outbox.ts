import vine from '@vinejs/vine'

export const outboxPageValidator = vine.create({
  page: vine.number().positive().withoutDecimals().max(100_000).optional(),
})
