import vine from '@vinejs/vine'
import { AUDIENCES } from '#src/identity_provider'

/** The same shape as the core's provider codes: a URL segment. */
const CODE = /^[a-z0-9][a-z0-9-]{0,62}$/

/** "/images/sso/google.svg": one leading slash (never "//host"), plain path characters. */
const SITE_PATH = /^\/[\w.~%-][\w.~%/-]*$/

/**
 * A provider as the merchant enters it. The issuer is https: `openid-client`
 * refuses anything else, and so does this form. The secret is required when
 * creating, optional when editing (empty keeps the stored one).
 */
export function providerValidator(options: { creating: boolean }) {
  const secret = vine.string().trim().maxLength(2000)
  return vine.create({
    code: vine.string().trim().toLowerCase().regex(CODE),
    label: vine.string().trim().minLength(1).maxLength(80),
    issuer: vine
      .string()
      .trim()
      .maxLength(500)
      .url({ protocols: ['https'], require_tld: false }),
    clientId: vine.string().trim().minLength(1).maxLength(255),
    clientSecret: options.creating ? secret.minLength(1) : secret.optional(),
    scopes: vine
      .string()
      .trim()
      .maxLength(500)
      .regex(/(^|\s)openid(\s|$)/),
    audience: vine.enum(AUDIENCES),
    // A path on this shop: the CSP (img-src 'self') blocks images from other hosts.
    logoUrl: vine.string().trim().maxLength(500).regex(SITE_PATH).optional(),
    enabled: vine.boolean().optional(),
  })
}
