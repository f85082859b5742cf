import type { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** The Stripe Customer holding a shop customer's saved cards. */
export default class StripeCustomer extends BaseModel {
  static table = 'payment_stripe_customers'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare customerId: number

  @column()
  declare stripeCustomerId: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
