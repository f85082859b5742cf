import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { WithdrawalSchema } from '#database/schema'
import type { WithdrawalChannel, WithdrawalStatus } from '#domain/withdrawal_handling'
import Order from '#models/order'
import Refund from '#models/refund'
import WithdrawalLine from '#models/withdrawal_line'

/**
 * A consumer's withdrawal statement and what followed it: the goods coming
 * back and the refund. Written by the withdrawal services only.
 */
export default class Withdrawal extends WithdrawalSchema {
  @column()
  declare channel: WithdrawalChannel

  @column()
  declare status: WithdrawalStatus

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>

  @belongsTo(() => Refund)
  declare refund: BelongsTo<typeof Refund>

  @hasMany(() => WithdrawalLine)
  declare lines: HasMany<typeof WithdrawalLine>
}
