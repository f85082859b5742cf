import { isOfflinePayment } from '#domain/order_actions'
import { awaitsShipment, type OrderStatus } from '#domain/order_status'
import type { PaymentStatus } from '#domain/payment_status'

/**
 * Click & collect in the merchant's own shops: the order is made ready, the
 * customer receives a pickup code by e-mail, and staff hand the order over
 * once the code the customer shows matches. These rules decide what staff
 * may do; the pickup service checks them again under the order's lock.
 */

export const PICKUP_CODE_DIGITS = 6

/**
 * Wrong codes typed for one code before handover locks: a guess has one
 * chance in a million, five in 200,000. Only a new code (sent by e-mail to
 * the customer) unlocks it.
 */
export const MAX_WRONG_CODES = 5

/** A code of PICKUP_CODE_DIGITS digits from a random whole number below 10^digits. */
export function pickupCodeOf(random: number): string {
  return String(random).padStart(PICKUP_CODE_DIGITS, '0')
}

/** The upper bound (excluded) of the random number a code is drawn from. */
export const PICKUP_CODE_SPACE = 10 ** PICKUP_CODE_DIGITS

/**
 * The code as staff typed it, read the way it is printed ("482 913"): spaces,
 * dots and dashes left out. Null when it cannot be a code at all, which is
 * a typing slip, not a wrong guess.
 */
export function normalizePickupCode(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '')
  return new RegExp(`^\\d{${PICKUP_CODE_DIGITS}}$`).test(digits) ? digits : null
}

/** "482 913": two groups of three, easier to read out at the counter. */
export function formatPickupCode(code: string): string {
  return code.replace(/^(\d{3})(\d{3})$/, '$1 $2')
}

export function attemptsLeft(failedAttempts: number): number {
  return Math.max(0, MAX_WRONG_CODES - failedAttempts)
}

export function handoverLocked(failedAttempts: number): boolean {
  return attemptsLeft(failedAttempts) === 0
}

/** Where an order stands in click & collect. */
export type PickupStage = 'not_ready' | 'ready' | 'collected'

export interface PickupOrderState {
  /** The pickup point is one of the merchant's stock places (not a carrier's relay). */
  readonly storePickup: boolean
  readonly status: OrderStatus
  readonly paid: boolean
  /** The payment waiting for money, if any. */
  readonly openPayment: { status: PaymentStatus; hasInstructions: boolean } | null
  readonly readyAt: Date | null
  readonly collectedAt: Date | null
}

/** An order that ended (cancelled, refunded) is no longer waiting in the shop. */
export function pickupStage(state: PickupOrderState): PickupStage {
  if (state.collectedAt) return 'collected'
  if (state.readyAt && state.status !== 'cancelled' && state.status !== 'refunded') return 'ready'
  return 'not_ready'
}

/**
 * Paid at the counter when collected: unpaid, still waiting for its money,
 * by a method staff confirm by hand (pay in store, as any offline method).
 */
export function paysAtHandover(state: PickupOrderState): boolean {
  return !state.paid && state.status === 'pending_payment' && isOfflinePayment(state.openPayment)
}

/** Paid, with units not yet delivered: every parcel can wait in the shop. */
function paidAndUndelivered(state: PickupOrderState): boolean {
  return state.paid && (awaitsShipment(state.status) || state.status === 'shipped')
}

export type ReadyRefusal = 'not_store_pickup' | 'already_ready' | 'collected' | 'not_preparable'

/**
 * Why an order cannot be made ready for pickup, or null. Paid orders are
 * made ready; so are orders paid at the counter, whose payment is confirmed
 * at handover (an order is not shipped before it is paid). An order waiting
 * for an online payment, set aside, cancelled or delivered is not.
 */
export function readyRefusal(state: PickupOrderState): ReadyRefusal | null {
  if (!state.storePickup) return 'not_store_pickup'
  const stage = pickupStage(state)
  if (stage === 'collected') return 'collected'
  if (stage === 'ready') return 'already_ready'
  return paidAndUndelivered(state) || paysAtHandover(state) ? null : 'not_preparable'
}

export type HandoverRefusal =
  'not_ready' | 'locked' | 'not_collectable' | 'payment_not_confirmed' | 'code_format'

/**
 * Why staff cannot check a code now, or null: checked before the code, so
 * none of these counts as a wrong code. Staff who take the payment at the
 * counter say so on the same form.
 */
export function handoverRefusal(
  state: PickupOrderState & { failedAttempts: number },
  attempt: { code: string | null; paymentReceived: boolean }
): HandoverRefusal | null {
  if (pickupStage(state) !== 'ready') return 'not_ready'
  if (handoverLocked(state.failedAttempts)) return 'locked'
  const paysNow = paysAtHandover(state)
  if (!paysNow && !paidAndUndelivered(state)) return 'not_collectable'
  if (paysNow && !attempt.paymentReceived) return 'payment_not_confirmed'
  if (attempt.code === null) return 'code_format'
  return null
}
