import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import Coupon from '#models/coupon'
import CouponRedemption from '#models/coupon_redemption'
import {
  COUPON_CODE_PATTERN,
  type CouponApplied,
  type CouponContext,
  type CouponRefusal,
  availabilityRefusal,
  evaluateCoupon,
  normalizeCouponCode,
} from '#domain/coupons'
import { categoriesWithAncestors } from '#support/category_ancestry'
import { sqlTimestamp } from '#support/sql_timestamp'
import { affectedRows } from '#support/affected_rows'

/**
 * Who uses a coupon: a signed-in customer by id, a guest by e-mail. Either may
 * be unknown in the cart (a guest gives the e-mail at checkout); the
 * per-customer limit is then checked again by `redeem`.
 */
export interface CouponCustomer {
  customerId: number | null
  email: string | null
}

/**
 * A cart line as the cart and checkout know it. The service looks up the
 * product's categories and their ancestors itself.
 */
export interface CouponCartLine {
  lineKey: string
  productId: number
  /** Line total, tax included, minor units. */
  lineTotal: number
}

export interface CouponEvaluationInput {
  lines: readonly CouponCartLine[]
  /** Cart subtotal before discount, tax included, minor units. */
  subtotal: number
  currency: string
  customer: CouponCustomer
  now?: Date
}

export type CouponCheck =
  (CouponApplied & { couponId: number; code: string; label: string | null }) | CouponRefusal

export interface CouponRedemptionInput {
  couponId: number
  orderId: number
  customerId: number | null
  email: string
  /** The discount the order got, tax included, minor units. */
  amount: number
  now?: Date
}

export type CouponRedemptionResult = { kind: 'redeemed'; redemptionId: number } | CouponRefusal

/**
 * Coupons at the cart and checkout: what a code gives this cart, and its use
 * by an order, recorded inside the order's transaction. The limits hold under
 * concurrent checkouts because the counters (`coupons.times_used`, one
 * `coupon_customer_usage` row per customer key) only move through conditional
 * UPDATEs; no range of rows is ever read with a lock.
 */
export default class CouponService {
  /**
   * What `code` gives this cart, or why it does not apply ("unknown" for a
   * code that does not exist). Reads only: nothing is reserved until `redeem`.
   */
  async evaluate(code: string, input: CouponEvaluationInput): Promise<CouponCheck> {
    const coupon = await this.find(code)
    if (!coupon) return { kind: 'refused', reason: 'unknown' }
    const scope = await this.scopeOf(coupon.id, db.connection())
    const categoriesByProduct = scope.categoryIds.length
      ? await categoriesWithAncestors(
          db.connection(),
          input.lines.map((line) => line.productId)
        )
      : new Map<number, number[]>()
    const context: CouponContext = {
      lines: input.lines.map((line) => ({
        ...line,
        categoryIds: categoriesByProduct.get(line.productId) ?? [],
      })),
      subtotal: input.subtotal,
      currency: input.currency,
      now: input.now ?? new Date(),
      usage: {
        total: coupon.timesUsed,
        customer: await this.customerUses(db.connection(), coupon.id, customerKeys(input.customer)),
      },
    }
    const result = evaluateCoupon(coupon.rules(scope), context)
    return result.kind === 'applied'
      ? { ...result, couponId: coupon.id, code: coupon.code, label: coupon.label }
      : result
  }

  /**
   * Records the coupon's use by an order, in the order's transaction. Refuses
   * (returns, does not throw) when the coupon was switched off, ran out of
   * dates, or reached its total or per-customer limit since the cart was
   * priced; the caller then shows the refusal or rolls back. Calling it again
   * for the same order returns the existing redemption.
   */
  async redeem(
    trx: TransactionClientContract,
    input: CouponRedemptionInput
  ): Promise<CouponRedemptionResult> {
    const email = input.email.trim().toLowerCase()
    const query = Coupon.query({ client: trx }).where('id', input.couponId)
    // Redemptions of one coupon queue here. SQLite has one writer at a time anyway.
    if (trx.dialect.name === 'mysql') query.forUpdate()
    const coupon = await query.first()
    if (!coupon) return { kind: 'refused', reason: 'unknown' }

    const existing = await CouponRedemption.query({ client: trx })
      .where({ couponId: coupon.id, orderId: input.orderId })
      .first()
    if (existing) return { kind: 'redeemed', redemptionId: existing.id }

    const keys = customerKeys({ customerId: input.customerId, email })
    const refusal = availabilityRefusal(
      coupon.rules({ productIds: [], categoryIds: [] }),
      input.now ?? new Date(),
      { total: coupon.timesUsed, customer: await this.customerUses(trx, coupon.id, keys) }
    )
    if (refusal) return refusal

    // The limits themselves: conditional UPDATEs read the latest committed
    // counts, whatever the transaction's snapshot showed above.
    const counted = await trx
      .from('coupons')
      .where('id', coupon.id)
      .where((where) => where.whereNull('usage_limit').orWhereRaw('times_used < usage_limit'))
      .update({ times_used: trx.raw('times_used + 1'), updated_at: sqlTimestamp() })
    if (!affectedRows(counted)) {
      return { kind: 'refused', reason: 'usage_limit_reached', limit: coupon.usageLimit ?? 0 }
    }
    const counters = []
    for (const key of keys) {
      if (await this.countCustomerUse(trx, coupon, key)) {
        counters.push(key)
        continue
      }
      // Undo this call's increments: the caller may go on without the coupon.
      await this.uncount(trx, coupon.id, counters)
      return {
        kind: 'refused',
        reason: 'customer_limit_reached',
        limit: coupon.perCustomerLimit ?? 0,
      }
    }

    const redemption = await CouponRedemption.create(
      {
        couponId: coupon.id,
        orderId: input.orderId,
        customerId: input.customerId,
        email,
        amount: input.amount,
      },
      { client: trx }
    )
    return { kind: 'redeemed', redemptionId: redemption.id }
  }

  /**
   * Gives back the coupon uses of an order that will not be paid (cancelled
   * before payment), so they count again towards the limits. Returns how many
   * redemptions were released (0 when the order used no coupon).
   */
  async release(trx: TransactionClientContract, orderId: number): Promise<number> {
    const redemptions = await CouponRedemption.query({ client: trx }).where('orderId', orderId)
    for (const redemption of redemptions) {
      await this.uncount(
        trx,
        redemption.couponId,
        customerKeys({ customerId: redemption.customerId, email: redemption.email })
      )
      await redemption.delete()
    }
    return redemptions.length
  }

  private async find(code: string) {
    const normalized = normalizeCouponCode(code)
    if (!COUPON_CODE_PATTERN.test(normalized)) return null
    return Coupon.findBy('code', normalized)
  }

  private async scopeOf(couponId: number, client: QueryClientContract) {
    const [products, categories] = await Promise.all([
      client.from('coupon_products').where('coupon_id', couponId).select('product_id'),
      client.from('coupon_categories').where('coupon_id', couponId).select('category_id'),
    ])
    return {
      productIds: products.map((row) => Number(row.product_id)),
      categoryIds: categories.map((row) => Number(row.category_id)),
    }
  }

  /**
   * Past uses by this customer: the most counted under any of their keys.
   */
  private async customerUses(
    client: QueryClientContract,
    couponId: number,
    keys: string[]
  ): Promise<number> {
    if (!keys.length) return 0
    const row = await client
      .from('coupon_customer_usage')
      .where('coupon_id', couponId)
      .whereIn('customer_key', keys)
      .max('uses as uses')
      .first()
    return Number(row?.uses ?? 0)
  }

  /**
   * Counts one use under a customer key, unless the per-customer limit is
   * reached. The row is created first, so the count is an UPDATE of an
   * existing row (no gap lock on MariaDB).
   */
  private async countCustomerUse(trx: TransactionClientContract, coupon: Coupon, key: string) {
    const where = { coupon_id: coupon.id, customer_key: key }
    const existing = await trx.from('coupon_customer_usage').where(where).first()
    if (!existing) {
      await trx
        .knexQuery()
        .table('coupon_customer_usage')
        .insert({ ...where, uses: 0 })
        .onConflict(['coupon_id', 'customer_key'])
        .ignore()
    }
    const query = trx.from('coupon_customer_usage').where(where)
    if (coupon.perCustomerLimit !== null) query.where('uses', '<', coupon.perCustomerLimit)
    return affectedRows(await query.update({ uses: trx.raw('uses + 1') })) > 0
  }

  /**
   * Takes one use off the coupon and off each customer key.
   */
  private async uncount(trx: TransactionClientContract, couponId: number, keys: string[]) {
    await trx
      .from('coupons')
      .where('id', couponId)
      .where('times_used', '>', 0)
      .update({ times_used: trx.raw('times_used - 1'), updated_at: sqlTimestamp() })
    if (!keys.length) return
    await trx
      .from('coupon_customer_usage')
      .where('coupon_id', couponId)
      .whereIn('customer_key', keys)
      .where('uses', '>', 0)
      .update({ uses: trx.raw('uses - 1') })
  }
}

/**
 * The keys a customer's uses are counted under: a signed-in customer under
 * their account and their e-mail, a guest under their e-mail. The limit
 * applies to each, so a once-per-customer code cannot be used again by
 * checking out as a guest with the same address.
 */
export function customerKeys(customer: CouponCustomer): string[] {
  const email = customer.email?.trim().toLowerCase()
  return [
    ...(customer.customerId !== null ? [`customer:${customer.customerId}`] : []),
    ...(email ? [`email:${email}`] : []),
  ]
}
