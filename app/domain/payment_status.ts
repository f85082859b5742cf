/**
 * The core payment state machine, the only place payment states change:
 *
 *   pending → authorized → captured → partially_refunded → refunded
 *   pending → captured (offline methods, instant captures)
 *   pending | authorized → failed | cancelled
 *
 * A failed or cancelled payment is final; the shopper retries with a new one.
 */
export const PAYMENT_STATUSES = [
  'pending',
  'authorized',
  'captured',
  'partially_refunded',
  'refunded',
  'failed',
  'cancelled',
] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

const MOVES: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['authorized', 'captured', 'failed', 'cancelled'],
  authorized: ['captured', 'failed', 'cancelled'],
  captured: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
  failed: [],
  cancelled: [],
}

export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return MOVES[from].includes(to)
}

/** A payment that can still become money received. */
export function isOpenPayment(status: PaymentStatus): boolean {
  return status === 'pending' || status === 'authorized'
}

/**
 * The refund state after refunding `amount` more of a captured payment, or null
 * when that would refund more than was captured.
 */
export function refundOutcome(
  captured: number,
  alreadyRefunded: number,
  amount: number
): PaymentStatus | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return null
  const refunded = alreadyRefunded + amount
  if (refunded > captured) return null
  return refunded === captured ? 'refunded' : 'partially_refunded'
}
