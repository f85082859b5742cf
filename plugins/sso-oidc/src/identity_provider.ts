import type { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import encryption from '@adonisjs/core/services/encryption'
import type { SsoAudience } from '@comptoir/contracts/sso_provider'

export const AUDIENCES = ['shoppers', 'admins', 'both'] as const
export type ProviderAudience = (typeof AUDIENCES)[number]

/** One identity provider configured by the merchant (an OpenID Connect client). */
export default class IdentityProvider extends BaseModel {
  static table = 'sso_oidc_providers'

  @column({ isPrimary: true })
  declare id: number

  /** The core's provider code: in URLs and on linked identities; never changed once used. */
  @column()
  declare code: string

  /** The provider's name on the button ("Continuer avec {label}"). */
  @column()
  declare label: string

  @column()
  declare issuer: string

  @column()
  declare clientId: string

  /** Encrypted with the app key; read it with `secret()`. */
  @column({ serializeAs: null })
  declare clientSecret: string

  @column()
  declare scopes: string

  @column()
  declare audience: ProviderAudience

  @column()
  declare logoUrl: string | null

  @column({ consume: (value) => Boolean(value) })
  declare enabled: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  secret(): string {
    return encryption.decrypt<string>(this.clientSecret) ?? ''
  }

  setSecret(secret: string) {
    this.clientSecret = encryption.encrypt(secret)
  }

  audiences(): SsoAudience[] {
    return this.audience === 'both' ? ['shoppers', 'admins'] : [this.audience]
  }
}
