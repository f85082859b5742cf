import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { PaymentSchema } from '#database/schema'
import PaymentTransition from '#models/payment_transition'
import type { PaymentStatus } from '#domain/payment_status'

/** One attempt to pay an order with one method; its status moves through PaymentService only. */
export default class Payment extends PaymentSchema {
  @column()
  declare status: PaymentStatus

  @hasMany(() => PaymentTransition)
  declare transitions: HasMany<typeof PaymentTransition>
}
