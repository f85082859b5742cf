import vine from '@vinejs/vine'

/**
 * A URL slug as merchants may type it: lowercase words joined by dashes.
 */
export const slugRule = () =>
  vine
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .maxLength(180)
    .optional()

/**
 * The password policy of every account, staff and shoppers alike: long rather
 * than complicated (ANSSI and NIST advice), and capped so that hashing cannot
 * be made to take forever.
 */
export const newPasswordRule = () => vine.string().minLength(12).maxLength(200)
