import type { DateTime } from 'luxon'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { CustomerPasswordResetSchema } from '#database/schema'
import Customer from '#models/customer'

/**
 * A password-reset link sent by e-mail. Only the SHA-256 hash of its token
 * is kept; the token itself exists only in the e-mail.
 */
export default class CustomerPasswordReset extends CustomerPasswordResetSchema {
  @column({ serializeAs: null })
  declare tokenHash: string

  @belongsTo(() => Customer)
  declare customer: BelongsTo<typeof Customer>

  isUsable(now: DateTime): boolean {
    return this.usedAt === null && this.expiresAt > now
  }
}
