import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { GuaranteeClaimSchema } from '#database/schema'
import type { Alternative, ClaimStatus, Remedy } from '#domain/guarantee'
import GuaranteeClaimLine from '#models/guarantee_claim_line'
import Order from '#models/order'

/**
 * A defect a consumer reported under the legal guarantee of conformity, and
 * what the seller did about it. Written by the guarantee services only.
 */
export default class GuaranteeClaim extends GuaranteeClaimSchema {
  @column()
  declare status: ClaimStatus

  @column()
  declare preferredRemedy: Remedy

  @column()
  declare acceptedRemedy: Remedy | null

  @column()
  declare alternative: Alternative | null

  @column()
  declare resolution: Alternative | null

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>

  @hasMany(() => GuaranteeClaimLine)
  declare lines: HasMany<typeof GuaranteeClaimLine>
}
