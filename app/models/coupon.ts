import { column, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import { CouponSchema } from '#database/schema'
import Category from '#models/category'
import CouponRedemption from '#models/coupon_redemption'
import Product from '#models/product'
import type { CouponKind, CouponRules } from '#domain/coupons'

/**
 * A code shoppers type in the cart or at checkout. Written by CouponService
 * only: `times_used` moves with the redemptions it counts.
 */
export default class Coupon extends CouponSchema {
  @column()
  declare kind: CouponKind

  @manyToMany(() => Product, { pivotTable: 'coupon_products' })
  declare products: ManyToMany<typeof Product>

  @manyToMany(() => Category, { pivotTable: 'coupon_categories' })
  declare categories: ManyToMany<typeof Category>

  @hasMany(() => CouponRedemption)
  declare redemptions: HasMany<typeof CouponRedemption>

  /**
   * The coupon as the pure rules read it, with its scope.
   */
  rules(scope: { productIds: number[]; categoryIds: number[] }): CouponRules {
    return {
      kind: this.kind,
      value: this.value,
      currency: this.currency,
      minSubtotal: this.minSubtotal,
      startsAt: this.startsAt?.toJSDate() ?? null,
      endsAt: this.endsAt?.toJSDate() ?? null,
      usageLimit: this.usageLimit,
      perCustomerLimit: this.perCustomerLimit,
      active: this.active,
      ...scope,
    }
  }
}
