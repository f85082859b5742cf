import vine from '@vinejs/vine'

const code = vine.string().trim().maxLength(32)

/** The second sign-in step: an app code or a recovery code. */
export const twoFactorChallengeValidator = vine.create({
  code,
  remember: vine.boolean().optional(),
})

/** Confirming an enrolment, or new recovery codes: a current code. */
export const twoFactorCodeValidator = vine.create({ code })

export const twoFactorDisableValidator = vine.create({
  password: vine.string().maxLength(200),
  code,
})

export const twoFactorRequirementValidator = vine.create({
  required: vine.boolean().optional(),
})
