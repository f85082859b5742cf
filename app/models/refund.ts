import { column } from '@adonisjs/lucid/orm'
import { RefundSchema } from '#database/schema'
import type { RefundMode, RefundStatus } from '#domain/refunds'

/** Money given back on a paid order; written by OrderRefunds only. */
export default class Refund extends RefundSchema {
  @column()
  declare status: RefundStatus

  @column()
  declare mode: RefundMode
}
