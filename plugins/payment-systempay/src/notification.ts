import type { PaymentEvent } from '@comptoir/contracts/payment_provider'
import { alphaCurrency } from '#src/currencies'
import { hasValidSignature } from '#src/signature'
import { keyOf, type SystempaySettings } from '#src/settings'

/** The fields of a form-urlencoded body (UTF-8, "+" for spaces); a repeated name keeps its last value. */
export function formFields(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body))
}

/** Statuses of a payment that took the money (AUTHORISED: captured by the bank on the due date). */
const TAKEN = new Set(['AUTHORISED', 'CAPTURED'])
/** Statuses of a payment that will not take place. */
const CANCELLED = new Set(['ABANDONED', 'CANCELLED', 'EXPIRED'])

/**
 * Reads a Systempay IPN. Its signature is checked with the key of the mode it
 * announces (`vads_ctx_mode`); a test payment never counts in production.
 * Everything reported comes from the signed fields: the amount is the one
 * the gateway says it took, the core compares it with the order total.
 */
export function translateNotification(
  fields: Record<string, string>,
  settings: SystempaySettings
): PaymentEvent {
  const mode = fields.vads_ctx_mode ?? ''
  const key = keyOf(settings, mode)
  if (!key) return { kind: 'rejected', reason: `no key for vads_ctx_mode "${mode}"` }
  if (!fields.signature) return { kind: 'rejected', reason: 'unsigned notification' }
  if (!hasValidSignature(fields, key)) return { kind: 'rejected', reason: 'bad signature' }
  if (fields.vads_site_id !== settings.siteId) {
    return { kind: 'rejected', reason: `another shop (${fields.vads_site_id})` }
  }
  if (mode === 'TEST' && settings.mode === 'PRODUCTION') {
    return { kind: 'ignored', reason: 'a test payment while the shop is in production' }
  }

  const status = fields.vads_trans_status ?? ''
  const orderReference = fields.vads_order_id
  if (!orderReference) return { kind: 'ignored', reason: 'no order id' }
  // An abandoned payment may have no transaction uuid: the day's trans id names it then.
  const uuid = fields.vads_trans_uuid
  const attempt = uuid || `${(fields.vads_trans_date ?? '').slice(0, 8)}-${fields.vads_trans_id}`
  const eventId = `${attempt}:${status}`
  const amount = {
    amount: Number.parseInt(fields.vads_amount ?? '', 10),
    currency: alphaCurrency(fields.vads_currency ?? ''),
  }
  if (!Number.isSafeInteger(amount.amount)) return { kind: 'ignored', reason: 'no amount' }

  if (!uuid && (TAKEN.has(status) || status === 'AUTHORISED_TO_VALIDATE')) {
    return { kind: 'ignored', reason: 'money reported without a transaction' }
  }
  // A refund made in the Lyra back office is a transaction of its own, a CREDIT.
  if (fields.vads_operation_type === 'CREDIT') {
    if (!TAKEN.has(status)) return { kind: 'ignored', reason: `refund ${status}` }
    return { kind: 'refunded', orderReference, eventId, refunds: [{ refundId: uuid, amount }] }
  }
  if (TAKEN.has(status)) {
    return { kind: 'captured', orderReference, eventId, transactionId: uuid, amount }
  }
  if (status === 'AUTHORISED_TO_VALIDATE') {
    return { kind: 'authorized', orderReference, eventId, transactionId: uuid, amount }
  }
  if (status === 'REFUSED') {
    const reason = `refused (authorisation result ${fields.vads_auth_result || 'none'})`
    return { kind: 'failed', orderReference, eventId, reason }
  }
  if (CANCELLED.has(status)) {
    return { kind: 'cancelled', orderReference, eventId, reason: status.toLowerCase() }
  }
  return { kind: 'ignored', reason: `status ${status || 'missing'}` }
}
