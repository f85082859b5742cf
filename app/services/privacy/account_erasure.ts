import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Address } from '@comptoir/contracts/commerce'
import ContractArchive from '#models/contract_archive'
import Customer from '#models/customer'
import Invoice from '#models/invoice'
import type Order from '#models/order'
import { invoiceRetentionEnd } from '#domain/data_retention'
import { CLAIM_STATUSES, isSettled } from '#domain/guarantee'
import type { OrderStatus } from '#domain/order_status'
import AuditLogService, { type AuditActor } from '#services/audit_log_service'
import { parisDate } from '#domain/paris_time'
import CustomerAccountService, { type PasswordCheck } from '#services/customer_account_service'
import ContractArchives from '#services/privacy/contract_archives'
import { ordersOfAccount } from '#services/privacy/personal_data'
import PrivacyRequests from '#services/privacy/privacy_requests'

/** Who erases: the customer themselves, staff answering a request, or the retention job. */
export type Eraser =
  | { kind: 'customer' }
  | { kind: 'staff'; admin: NonNullable<AuditActor>; name: string }
  | { kind: 'retention' }

export type ErasureOutcome =
  | { status: 'erased'; ordersAnonymised: number; contractsArchived: number }
  | { status: 'orders_in_progress'; numbers: string[] }
  | { status: 'not_found' }

/** Orders still being paid, prepared or carried: their addresses are still needed. */
const SETTLED: readonly OrderStatus[] = ['delivered', 'closed', 'cancelled', 'refunded']

/**
 * The numbers of orders an erasure must wait for: still in progress, or with
 * a withdrawal not refunded yet or a guarantee claim not settled, whose
 * handling needs the consumer's name and address.
 */
async function busyOrders(
  orders: Pick<Order, 'id' | 'number' | 'status'>[],
  trx?: TransactionClientContract
) {
  const ids = orders.map((order) => order.id)
  const client = trx ?? db
  const [withdrawals, claims] = ids.length
    ? await Promise.all([
        client
          .from('withdrawals')
          .whereIn('order_id', ids)
          .whereNot('status', 'refunded')
          .select('order_id'),
        client
          .from('guarantee_claims')
          .whereIn('order_id', ids)
          .whereNotIn('status', CLAIM_STATUSES.filter(isSettled))
          .select('order_id'),
      ])
    : [[], []]
  const open = new Set([...withdrawals, ...claims].map((row) => Number(row.order_id)))
  return orders
    .filter((order) => !SETTLED.includes(order.status) || open.has(order.id))
    .map((order) => order.number)
}

/** What stays of a person in an anonymised order: nothing that names or reaches them. */
export const ANONYMISED_EMAIL = 'anonymised@erased.invalid'
const ERASED_NOTE = '[erased]'

/**
 * Erasing an account (LEGAL.md ), in one transaction. Erased: the
 * profile, address book, carts, password links, staff notes and marketing
 * consent. Kept, because the law requires it: invoices and credit notes, ten
 * years, untouched (I-06); contracts of €120 or more, copied to their archive
 * first (P-09). The orders stay for the accounts, anonymised: no e-mail, no
 * name, no street, no IP; only the country (the VAT destination) remains;
 * so do their withdrawals and guarantee claims, without names or free text.
 * Refused while an order, a withdrawal or a claim is still in progress.
 */
@inject()
export default class AccountErasure {
  constructor(
    protected accounts: CustomerAccountService,
    protected archives: ContractArchives,
    protected requests: PrivacyRequests,
    protected auditLog: AuditLogService
  ) {}

  /**
   * What an erasure would keep, for the confirmation page: the orders (and
   * those still in progress, which block it), and until when the invoices
   * and archived contracts stay.
   */
  async preview(customer: Customer) {
    const orders = await ordersOfAccount(customer.id).select('id', 'number', 'status')
    const ids = orders.map((order) => order.id)
    const [invoices, contracts] = ids.length
      ? await Promise.all([
          Invoice.query().whereIn('order_id', ids).orderBy('issued_at', 'desc').first(),
          ContractArchive.query().whereIn('order_id', ids).orderBy('retain_until', 'desc').first(),
        ])
      : [null, null]
    return {
      orders: orders.length,
      inProgress: await busyOrders(orders),
      invoicesKeptUntil: invoices
        ? invoiceRetentionEnd(parisDate(invoices.issuedAt.toJSDate()))
        : null,
      contractsKeptUntil: contracts?.retainUntil.toISODate() ?? null,
    }
  }

  /** Self-service: the current password first, checked like a login. */
  async eraseWithPassword(
    customer: Customer,
    password: string,
    ip: string
  ): Promise<PasswordCheck | ErasureOutcome> {
    const check = await this.accounts.checkCredentials(customer.email, password, ip)
    if (check.status !== 'signed_in') return check
    return this.erase(customer.id, { kind: 'customer' })
  }

  async erase(customerId: number, by: Eraser): Promise<ErasureOutcome> {
    return db.transaction(async (trx) => {
      const customer = await Customer.query({ client: trx }).where('id', customerId).first()
      if (!customer) return { status: 'not_found' } as const
      const orders = await ordersOfAccount(customer.id, trx).orderBy('id')
      const inProgress = await busyOrders(orders, trx)
      if (inProgress.length) return { status: 'orders_in_progress', numbers: inProgress }

      let contractsArchived = 0
      for (const order of orders) {
        if (await this.archives.archive(order.id, trx)) contractsArchived++
        await this.anonymise(trx, order, customer.email)
      }
      await trx.from('carts').where('customer_id', customer.id).delete()
      // Only the account's own consent: a guest's row with its e-mail is not its to erase.
      await trx.from('marketing_consents').where('customer_id', customer.id).delete()
      await this.requests.answer(trx, {
        customerId: customer.id,
        kind: 'erasure',
        handledBy: by.kind === 'staff' ? by.name : by.kind,
      })
      // Addresses, reset links and staff notes go with it (ON DELETE CASCADE).
      await customer.useTransaction(trx).delete()
      await this.auditLog.record(
        {
          actor: by.kind === 'staff' ? by.admin : null,
          action: 'customer.erase',
          entityType: 'customer',
          entityId: customer.id,
          changes: { by: by.kind, ordersAnonymised: orders.length, contractsArchived },
        },
        trx
      )
      return { status: 'erased', ordersAnonymised: orders.length, contractsArchived } as const
    })
  }

  private async anonymise(trx: TransactionClientContract, order: Order, email: string) {
    order.useTransaction(trx)
    order.merge({
      customerId: null,
      email: ANONYMISED_EMAIL,
      billingAddress: anonymisedAddress(order.billingAddress),
      shippingAddress: order.shippingAddress ? anonymisedAddress(order.shippingAddress) : null,
      placedIp: null,
    })
    await order.save()
    await trx
      .from('coupon_redemptions')
      .where('order_id', order.id)
      .update({ email: ANONYMISED_EMAIL })
    // Settled withdrawals and claims stay for the accounts, without who wrote them or what they said.
    await trx
      .from('withdrawals')
      .where('order_id', order.id)
      .update({ consumer_name: ERASED_NOTE, email: ANONYMISED_EMAIL, reason: null })
    await trx
      .from('guarantee_claims')
      .where('order_id', order.id)
      .update({ description: ERASED_NOTE })
    // The timeline names the recipient of each e-mail sent.
    const events = await trx
      .from('order_events')
      .where('order_id', order.id)
      .whereNotNull('note')
      .select('id', 'note')
    for (const event of events) {
      if (!String(event.note).includes(email)) continue
      await trx
        .from('order_events')
        .where('id', event.id)
        .update({ note: String(event.note).replaceAll(email, ERASED_NOTE) })
    }
  }
}

function anonymisedAddress(address: Address): Address {
  return { countryCode: address.countryCode, postalCode: '', city: '', lines: [] }
}
