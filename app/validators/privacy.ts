import vine from '@vinejs/vine'

/** A cookie choice: everything, nothing, or the purposes ticked. */
export const cookieChoiceValidator = vine.create({
  choice: vine.enum(['accept_all', 'refuse_all', 'save'] as const),
  purposes: vine.array(vine.string().maxLength(32)).maxLength(10).optional(),
  return_to: vine.string().maxLength(2048).optional(),
})

/** The marketing box (LEGAL.md R-01): unticked sends nothing, which means no. */
export const marketingOptInValidator = vine.create({
  marketing_opt_in: vine.boolean().optional(),
})

/** Deleting one's account asks for the password again. */
export const accountDeletionValidator = vine.create({
  password: vine.string().maxLength(200),
})

/** A request received by staff (e-mail, post), dated the day it arrived. */
export const privacyRequestValidator = vine.create({
  kind: vine.enum(['access', 'erasure'] as const),
  received_on: vine.date({ formats: ['YYYY-MM-DD'] }).beforeOrEqual('today'),
})

/** Staff erase only after ticking that they mean it. */
export const staffErasureValidator = vine.create({
  confirm: vine.accepted(),
})
