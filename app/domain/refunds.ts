import type { CreditRefusal } from '#domain/invoices'

/**
 * Refunds of paid orders: how the money goes back and why a refund is
 * refused. Pure: no framework, no I/O.
 *
 * - `provider`: the payment provider sends the money back (a card refund),
 *   under an idempotency key so a retry never pays twice.
 * - `manual`: the merchant already gave the money back outside the shop (a
 *   bank transfer, cash at the counter) and records it.
 */
export const REFUND_MODES = ['provider', 'manual'] as const
export type RefundMode = (typeof REFUND_MODES)[number]

/** pending (provider asked, answer not recorded yet) → completed | failed */
export type RefundStatus = 'pending' | 'completed' | 'failed'

export type RefundRefusal =
  | 'not_paid'
  | 'nothing_to_refund'
  | 'refund_in_progress'
  | 'amount_exceeded'
  | 'already_shipped'
  | 'provider_unavailable'
  | 'provider_cannot_refund'
  | 'provider_failed'
  | 'provider_no_answer'
  | `credit_${CreditRefusal}`

/**
 * The ways a payment can be refunded. Only a provider that took the money
 * and can refund it (`canRefund`) sends it back; an offline payment (the
 * provider gave the shopper instructions instead of taking money) or a
 * provider without refund credentials leaves the merchant to refund by hand.
 */
export function refundModes(payment: {
  hasInstructions: boolean
  providerCanRefund: boolean
}): RefundMode[] {
  return !payment.hasInstructions && payment.providerCanRefund ? ['provider', 'manual'] : ['manual']
}

/** Money a captured payment can still give back. */
export function refundableAmount(payment: { amount: number; refundedAmount: number }): number {
  return Math.max(0, payment.amount - payment.refundedAmount)
}
