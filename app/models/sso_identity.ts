import { SsoIdentitySchema } from '#database/schema'
import type { SsoAudience } from '@comptoir/contracts/sso_provider'
import { column } from '@adonisjs/lucid/orm'

/**
 * An identity proven by an SSO provider (its code and the subject), linked
 * to one customer (`shoppers`) or one member of staff (`admins`).
 */
export default class SsoIdentity extends SsoIdentitySchema {
  @column()
  declare audience: SsoAudience
}
