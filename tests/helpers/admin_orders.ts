import db from '@adonisjs/lucid/services/db'
import type { Address } from '@comptoir/contracts/commerce'
import { DateTime } from 'luxon'
import { sqlTimestamp } from '#support/sql_timestamp'
import { PARIS_ADDRESS } from '#tests/helpers/checkout'

async function termsVersion() {
  const existing = await db.from('legal_document_versions').where('kind', 'terms').first()
  if (existing) return Number(existing.id)
  const now = sqlTimestamp()
  const [id] = await db.table('legal_document_versions').insert({
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
  return Number(id)
}

let sequence = 0

/**
 * An order row as the grid reads it, without going through checkout: for
 * tests of listing, filtering and exporting many orders.
 */
export async function insertOrder(
  overrides: {
    number?: string
    status?: string
    paymentStatus?: string
    email?: string
    customerId?: number | null
    billing?: Partial<Address>
    shipping?: Partial<Address> | null
    total?: number
    paymentMethod?: string
    shippingMethod?: string
    placedAt?: DateTime
    paidAt?: DateTime | null
    paymentDueAt?: DateTime | null
    estimatedDeliveryTo?: string
    currency?: string
  } = {}
): Promise<number> {
  sequence += 1
  const termsVersionId = await termsVersion()
  const billing = { ...PARIS_ADDRESS, ...overrides.billing }
  const placedAt = overrides.placedAt ?? DateTime.now()
  const total = overrides.total ?? 5990
  const [id] = await db.table('orders').insert({
    number: overrides.number ?? `CMD-2026-${String(sequence).padStart(6, '0')}`,
    status: overrides.status ?? 'paid',
    payment_status: overrides.paymentStatus ?? 'captured',
    customer_id: overrides.customerId ?? null,
    email: overrides.email ?? 'claire@example.fr',
    locale: 'fr',
    currency: overrides.currency ?? 'EUR',
    items_total: total - 500,
    discount_total: 0,
    shipping_total: 500,
    vat_total: Math.round(total / 6),
    total,
    shipping_method_code: overrides.shippingMethod ?? 'table-rates',
    shipping_method_label: overrides.shippingMethod ?? 'table-rates',
    shipping_service: 'standard',
    estimated_delivery_from: '2026-03-10',
    estimated_delivery_to: overrides.estimatedDeliveryTo ?? '2099-03-14',
    payment_method_code: overrides.paymentMethod ?? 'bank-transfer',
    payment_method_label: overrides.paymentMethod ?? 'bank-transfer',
    payment_due_at: overrides.paymentDueAt ? sqlTimestamp(overrides.paymentDueAt) : null,
    shipping_address:
      overrides.shipping === null
        ? null
        : JSON.stringify({ ...PARIS_ADDRESS, ...billing, ...overrides.shipping }),
    billing_address: JSON.stringify(billing),
    terms_version_id: termsVersionId,
    terms_checksum: 'c'.repeat(64),
    snapshot: JSON.stringify({ vat: [] }),
    placed_at: sqlTimestamp(placedAt),
    paid_at:
      overrides.paidAt === undefined
        ? sqlTimestamp(placedAt)
        : overrides.paidAt && sqlTimestamp(overrides.paidAt),
    created_at: sqlTimestamp(placedAt),
    updated_at: sqlTimestamp(placedAt),
  })
  return Number(id)
}
