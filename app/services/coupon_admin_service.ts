import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import Coupon from '#models/coupon'
import AuditLogService, { type AuditActor } from '#services/audit_log_service'
import type { CouponKind } from '#domain/coupons'

export const COUPON_PAGE_SIZE = 25

export interface CouponInput {
  code: string
  kind: CouponKind
  /** Basis points for a percentage, minor units for a fixed amount, 0 for free shipping. */
  value: number
  /** Required for a fixed amount and with a minimum subtotal. */
  currency: string | null
  minSubtotal: number | null
  /** Inclusive. */
  startsAt: DateTime | null
  /** Exclusive. */
  endsAt: DateTime | null
  usageLimit: number | null
  perCustomerLimit: number | null
  active: boolean
  label: string | null
  notes: string | null
  /** Products in scope by the SKU of any of their variants (they must exist). */
  productSkus: string[]
  categoryIds: number[]
}

export interface CouponGridQuery {
  q?: string
  status?: 'active' | 'inactive'
  page: number
}

export interface BackOfficeActor {
  admin: AuditActor
  ip: string | null
}

export type CouponDeletion = { status: 'deleted' } | { status: 'used'; timesUsed: number }

/**
 * Back-office writes to coupons, each one transaction with its audit entry.
 * A coupon that was used is only ever deactivated: its redemptions and the
 * orders that show its code keep pointing at it.
 */
@inject()
export default class CouponAdminService {
  constructor(protected auditLog: AuditLogService) {}

  async list(query: CouponGridQuery) {
    const builder = Coupon.query()
    if (query.q) {
      const like = `%${query.q}%`
      builder.where((where) =>
        where.where('code', 'like', like.toUpperCase()).orWhere('label', 'like', like)
      )
    }
    if (query.status) builder.where('active', query.status === 'active')
    return builder
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(query.page, COUPON_PAGE_SIZE)
  }

  /**
   * A coupon with its scope: the products (one SKU each, as the form shows
   * them) and the category ids.
   */
  async load(couponId: number) {
    const coupon = await Coupon.query()
      .where('id', couponId)
      .preload('categories')
      .preload('products', (products) => products.preload('translations'))
      .firstOrFail()
    const skus = coupon.products.length
      ? await db
          .from('variants')
          .whereIn(
            'product_id',
            coupon.products.map((product) => product.id)
          )
          .orderBy('product_id')
          .orderBy('position')
          .orderBy('id')
          .select('product_id', 'sku')
      : []
    const skuByProduct = new Map<number, string>()
    for (const row of skus) {
      if (!skuByProduct.has(Number(row.product_id)))
        skuByProduct.set(Number(row.product_id), row.sku)
    }
    return {
      coupon,
      productSkus: coupon.products
        .map((product) => skuByProduct.get(product.id))
        .filter((sku): sku is string => !!sku),
    }
  }

  async create(input: CouponInput, actor: BackOfficeActor) {
    return db.transaction(async (trx) => {
      const coupon = await Coupon.create(this.columns(input), { client: trx })
      await this.writeScope(coupon, input, trx)
      await this.audit('coupon.create', coupon, actor, trx, { code: coupon.code })
      return coupon
    })
  }

  async update(couponId: number, input: CouponInput, actor: BackOfficeActor) {
    return db.transaction(async (trx) => {
      const coupon = await Coupon.query({ client: trx }).where('id', couponId).firstOrFail()
      coupon.merge(this.columns(input))
      const changes = coupon.$dirty
      await coupon.save()
      await this.writeScope(coupon, input, trx)
      await this.audit('coupon.update', coupon, actor, trx, {
        code: coupon.code,
        fields: Object.keys(changes),
      })
      return coupon
    })
  }

  async deactivate(couponId: number, actor: BackOfficeActor) {
    return db.transaction(async (trx) => {
      const coupon = await Coupon.query({ client: trx }).where('id', couponId).firstOrFail()
      coupon.active = false
      await coupon.save()
      await this.audit('coupon.deactivate', coupon, actor, trx, { code: coupon.code })
      return coupon
    })
  }

  /**
   * Deletes a coupon no order ever used; one that was used is kept.
   */
  async delete(couponId: number, actor: BackOfficeActor): Promise<CouponDeletion> {
    return db.transaction(async (trx) => {
      const query = Coupon.query({ client: trx }).where('id', couponId)
      if (trx.dialect.name === 'mysql') query.forUpdate()
      const coupon = await query.firstOrFail()
      const redemptions = await trx
        .from('coupon_redemptions')
        .where('coupon_id', coupon.id)
        .count('* as total')
        .first()
      const used = Math.max(coupon.timesUsed, Number(redemptions?.total ?? 0))
      if (used > 0) return { status: 'used', timesUsed: used }
      await coupon.delete()
      await this.audit('coupon.delete', coupon, actor, trx, { code: coupon.code })
      return { status: 'deleted' }
    })
  }

  private columns(input: CouponInput) {
    return {
      code: input.code,
      kind: input.kind,
      value: input.kind === 'free_shipping' ? 0 : input.value,
      currency: input.currency,
      minSubtotal: input.minSubtotal,
      // Lucid writes a DateTime in its own zone; the database holds UTC.
      startsAt: input.startsAt?.toUTC() ?? null,
      endsAt: input.endsAt?.toUTC() ?? null,
      usageLimit: input.usageLimit,
      perCustomerLimit: input.perCustomerLimit,
      active: input.active,
      label: input.label,
      notes: input.notes,
    }
  }

  private async writeScope(coupon: Coupon, input: CouponInput, trx: TransactionClientContract) {
    const rows = input.productSkus.length
      ? await trx.from('variants').whereIn('sku', input.productSkus).select('product_id')
      : []
    const productIds = [...new Set(rows.map((row) => Number(row.product_id)))]
    await coupon.related('products').sync(productIds, true, trx)
    await coupon.related('categories').sync([...new Set(input.categoryIds)], true, trx)
  }

  private async audit(
    action: string,
    coupon: Coupon,
    actor: BackOfficeActor,
    trx: TransactionClientContract,
    changes?: Record<string, unknown>
  ) {
    await this.auditLog.record(
      {
        actor: actor.admin,
        action,
        entityType: 'coupon',
        entityId: coupon.id,
        changes,
        ip: actor.ip,
      },
      trx
    )
  }
}
