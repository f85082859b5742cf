import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { GuaranteeClaimLineSchema } from '#database/schema'
import OrderLine from '#models/order_line'

/** Units of one order line, from one delivered parcel, a guarantee claim is about. */
export default class GuaranteeClaimLine extends GuaranteeClaimLineSchema {
  @belongsTo(() => OrderLine)
  declare orderLine: BelongsTo<typeof OrderLine>
}
