import db from '@adonisjs/lucid/services/db'
import Coupon from '#models/coupon'
import { sqlTimestamp } from '#support/sql_timestamp'

/**
 * A coupon row with sensible defaults: 10 % off the whole cart, active, no
 * limit. Scope goes through `products` and `categories`.
 */
export async function createCoupon(
  overrides: Partial<
    Pick<
      Coupon,
      | 'code'
      | 'kind'
      | 'value'
      | 'currency'
      | 'minSubtotal'
      | 'usageLimit'
      | 'perCustomerLimit'
      | 'active'
      | 'startsAt'
      | 'endsAt'
      | 'timesUsed'
    >
  > = {},
  scope: { productIds?: number[]; categoryIds?: number[] } = {}
) {
  const coupon = await Coupon.create({
    code: 'BIENVENUE10',
    kind: 'percentage',
    value: 1000,
    currency: null,
    active: true,
    ...overrides,
  })
  if (scope.productIds) await coupon.related('products').attach(scope.productIds)
  if (scope.categoryIds) await coupon.related('categories').attach(scope.categoryIds)
  return coupon
}

/**
 * Minimal order rows for redemptions to point at (orders.id is their foreign
 * key): only the NOT NULL columns, with the terms version an order requires.
 */
export async function insertOrders(count: number, email = 'client@example.com') {
  const now = sqlTimestamp()
  const [termsId] = await db.table('legal_document_versions').insert({
    kind: 'terms',
    version: 1,
    body_fr: 'CGV',
    body_en: 'Terms',
    checksum: 'c'.repeat(64),
    effective_at: now,
    pdf_fr_key: 'terms-fr.pdf',
    pdf_en_key: 'terms-en.pdf',
    created_at: now,
  })
  const ids: number[] = []
  for (let index = 0; index < count; index++) {
    const [id] = await db.table('orders').insert({
      number: `CMD-TEST-${String(index + 1).padStart(6, '0')}`,
      status: 'placed',
      payment_status: 'pending',
      email,
      locale: 'fr',
      currency: 'EUR',
      items_total: 10_000,
      discount_total: 0,
      shipping_total: 0,
      vat_total: 1667,
      total: 10_000,
      shipping_method_code: 'test',
      shipping_method_label: 'Test',
      shipping_service: 'standard',
      estimated_delivery_from: '2026-03-12',
      estimated_delivery_to: '2026-03-14',
      payment_method_code: 'test',
      payment_method_label: 'Test',
      billing_address: '{}',
      terms_version_id: Number(termsId),
      terms_checksum: 'c'.repeat(64),
      snapshot: '{}',
      placed_at: now,
      created_at: now,
      updated_at: now,
    })
    ids.push(Number(id))
  }
  return ids
}

/**
 * A customer account row, for redemptions made signed in.
 */
export async function insertCustomer(email: string) {
  const now = sqlTimestamp()
  const [id] = await db.table('customers').insert({
    email,
    password: 'not-a-hash',
    first_name: 'Claire',
    last_name: 'Martin',
    created_at: now,
    updated_at: now,
  })
  return Number(id)
}
