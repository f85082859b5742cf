import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { CouponRedemptionSchema } from '#database/schema'
import Coupon from '#models/coupon'

/**
 * One order's use of a coupon, with the discount it gave.
 */
export default class CouponRedemption extends CouponRedemptionSchema {
  @belongsTo(() => Coupon)
  declare coupon: BelongsTo<typeof Coupon>
}
