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
