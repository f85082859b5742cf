import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { timeZone } from '#config/app'
import { ORDER_STATUSES, awaitsShipment } from '#domain/order_status'
import AuditLog from '#models/audit_log'
import Order from '#models/order'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import OrderingReadiness, { type OrderingBlocker } from '#services/checkout/ordering_readiness'
import { lateOrders } from '#services/orders/late_deliveries'
import ShippingGaps from '#services/checkout/shipping_gaps'
import WithdrawalDesk from '#services/withdrawals/withdrawal_desk'
import GuaranteeDesk from '#services/guarantee/guarantee_desk'
import SecurityAudit from '#services/security/security_audit'
import { sqlTimestamp } from '#support/sql_timestamp'

/** The currency the shop sells in: revenue adds up orders in it only. */
const SHOP_CURRENCY = 'EUR'

/** What stops the shop from taking orders, each fixed on one back-office page. */
export type ConfigurationGap = 'shipping' | 'payment' | OrderingBlocker

export interface DaySales {
  /** A Paris calendar day, "2026-03-23". */
  readonly day: string
  readonly orders: number
  /** Tax included, minor units. */
  readonly revenue: number
}

/**
 * The figures on the back-office dashboard: who works here and what they did,
 * what sold lately, and what waits for the merchant (parcels to send, bank
 * transfers to watch for, late deliveries, a shop that cannot take orders).
 */
@inject()
export default class DashboardService {
  constructor(
    protected kernel: PluginKernel,
    protected readiness: OrderingReadiness,
    protected shippingGaps: ShippingGaps,
    protected withdrawals: WithdrawalDesk,
    protected guarantee: GuaranteeDesk,
    protected security: SecurityAudit
  ) {}

  /** Destinations the checkout offered no delivery to lately: a rate to add. */
  async deliveryGaps() {
    return this.shippingGaps.recent()
  }

  async counts() {
    const [staff, auditEntries] = await Promise.all([
      db.from('admin_users').count('* as total').first(),
      db.from('audit_logs').count('* as total').first(),
    ])
    return {
      staff: Number(staff?.total ?? 0),
      auditEntries: Number(auditEntries?.total ?? 0),
    }
  }

  /**
   * The latest back-office writes, newest first.
   */
  recentActivity(limit = 10) {
    return AuditLog.query().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit)
  }

  /**
   * Orders placed each day of the last `days` Paris days (today included) and
   * what they cost, tax included; cancelled orders never became sales.
   */
  async salesPerDay(days = 30, now = DateTime.now()): Promise<DaySales[]> {
    const today = now.setZone(timeZone).startOf('day')
    const first = today.minus({ days: days - 1 })
    const orders = await Order.query()
      .where('placed_at', '>=', sqlTimestamp(first))
      .whereNot('status', 'cancelled')
      .where('currency', SHOP_CURRENCY)
      .select('placed_at', 'total')
    const byDay = new Map<string, { orders: number; revenue: number }>()
    for (let index = 0; index < days; index++) {
      byDay.set(first.plus({ days: index }).toISODate()!, { orders: 0, revenue: 0 })
    }
    for (const order of orders) {
      const entry = byDay.get(order.placedAt.setZone(timeZone).toISODate()!)
      if (!entry) continue
      entry.orders += 1
      entry.revenue += order.total
    }
    return [...byDay].map(([day, sales]) => ({ day, ...sales }))
  }

  /** Orders paid and not (wholly) shipped yet. */
  async awaitingShipment(): Promise<number> {
    const row = await db
      .from('orders')
      .whereIn('status', ORDER_STATUSES.filter(awaitsShipment))
      .count('* as total')
      .first()
    return Number(row?.total ?? 0)
  }

  /** Orders waiting for a bank transfer, the nearest payment deadline first. */
  unpaidBankTransfers(limit = 20) {
    return Order.query()
      .where('status', 'pending_payment')
      .where('payment_method_code', 'bank-transfer')
      .orderByRaw('payment_due_at is null')
      .orderBy('payment_due_at')
      .orderBy('id')
      .limit(limit)
  }

  /** Withdrawal refunds late (with the W-15 surcharge) or due within three days. */
  withdrawalRefundAlerts() {
    return this.withdrawals.alerts()
  }

  /** Guarantee claims whose 30 days to repair or replace (G-03) end within a week or passed. */
  guaranteeClaimAlerts() {
    return this.guarantee.alerts()
  }

  /** Open critical and high security advisories affecting the shop (PCI-DSS 6.3.3 due dates). */
  securityAlerts() {
    return this.security.urgent()
  }

  /** Orders past their delivery estimate and not shipped (the late deliveries' own query). */
  lateOrders(limit = 20) {
    return lateOrders(undefined, limit)
  }

  /**
   * What stops the shop from taking orders: no enabled plugin delivers, none
   * takes payment, or checkout refuses to place orders (no CGV in force, no
   * seller identity: OrderingReadiness).
   */
  async configurationGaps(): Promise<ConfigurationGap[]> {
    const [shipping, payment, readiness] = await Promise.all([
      this.kernel.registry.providers('shipping'),
      this.kernel.registry.providers('payment'),
      this.readiness.check(),
    ])
    const gaps: ConfigurationGap[] = []
    if (!shipping.length) gaps.push('shipping')
    if (!payment.length) gaps.push('payment')
    if (!readiness.ready) gaps.push(readiness.blocker)
    return gaps
  }
}
