import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { WithdrawalLineSchema } from '#database/schema'
import OrderLine from '#models/order_line'

/** Units of one order line a withdrawal covers, and how sealed goods came back. */
export default class WithdrawalLine extends WithdrawalLineSchema {
  @belongsTo(() => OrderLine)
  declare orderLine: BelongsTo<typeof OrderLine>
}
