import vine from '@vinejs/vine'

/** The owner's switch making SSO mandatory for staff, with its break-glass owner. */
export const adminSsoPolicyValidator = vine.create({
  required: vine.boolean().optional(),
  breakGlassAdminUserId: vine.number().withoutDecimals().positive().optional(),
})
