import { awaitsShipment, canMoveOrder, type OrderStatus } from '#domain/order_status'
import { isOpenPayment, type PaymentStatus } from '#domain/payment_status'
import type { RefundMode } from '#domain/refunds'

/**
 * What the back office may do to an order in its current state. The order
 * services check again under the order's lock; these rules decide which
 * buttons staff see and refuse early what those services would refuse late.
 */

export interface OrderActionState {
  readonly status: OrderStatus
  readonly paid: boolean
  /** The payment waiting for money, if any. */
  readonly openPayment: { status: PaymentStatus; hasInstructions: boolean } | null
  /** Units of all lines not in a parcel yet. */
  readonly unitsLeft: number
  /** Whether any parcel left. */
  readonly shipped: boolean
  /** The money received that can still be given back, and how. */
  readonly refund: { amount: number; modes: RefundMode[]; pending: boolean } | null
}

export interface OrderActions {
  readonly markPaid: boolean
  /** Take an authorized card payment (manual capture). */
  readonly capture: boolean
  readonly cancel: boolean
  readonly ship: boolean
  /** Ways to give money back now; none while a provider refund awaits its answer. */
  readonly refund: RefundMode[]
  /** Cancel a paid order nothing of which has left, refunding it in full. */
  readonly cancelPaid: RefundMode[]
}

/**
 * A payment staff confirm by hand: an offline method (bank transfer, pay in
 * store) whose provider told the shopper what to do instead of taking the
 * money. An online payment is confirmed by its provider's notification only,
 * never by a click that could disagree with the provider.
 */
export function isOfflinePayment(payment: OrderActionState['openPayment']): boolean {
  return payment !== null && isOpenPayment(payment.status) && payment.hasInstructions
}

export function orderActions(state: OrderActionState): OrderActions {
  const unpaid = !state.paid && (state.status === 'pending_payment' || state.status === 'on_hold')
  const refundModes =
    state.paid && state.refund && !state.refund.pending && state.refund.amount > 0
      ? state.refund.modes
      : []
  return {
    markPaid: unpaid && isOfflinePayment(state.openPayment),
    capture:
      unpaid && state.status === 'pending_payment' && state.openPayment?.status === 'authorized',
    cancel: unpaid,
    ship: awaitsShipment(state.status) && state.unitsLeft > 0,
    refund: refundModes,
    cancelPaid: !state.shipped && canMoveOrder(state.status, 'cancelled') ? refundModes : [],
  }
}

export type DeliveryDateProblem = 'future' | 'before_shipment'

/**
 * Why a delivery date cannot be right, or null. Dates are Paris calendar days
 * ("2026-03-23"); the withdrawal period counts from that day (LEGAL.md W-03).
 */
export function deliveryDateProblem(
  deliveredOn: string,
  shippedOn: string,
  today: string
): DeliveryDateProblem | null {
  if (deliveredOn > today) return 'future'
  if (deliveredOn < shippedOn) return 'before_shipment'
  return null
}

export const RESENDABLE_EMAILS = [
  'order_confirmation',
  'payment_received',
  'order_shipped',
  'order_delivered',
] as const
export type ResendableEmail = (typeof RESENDABLE_EMAILS)[number]

/**
 * The e-mails staff may send a customer again ("I never got it"): those the
 * order has already been through; a shipping or delivery e-mail is about its
 * latest parcel.
 */
export function resendableEmails(state: {
  paid: boolean
  shipped: boolean
  delivered: boolean
}): ResendableEmail[] {
  return RESENDABLE_EMAILS.filter(
    (kind) =>
      kind === 'order_confirmation' ||
      (kind === 'payment_received' && state.paid) ||
      (kind === 'order_shipped' && state.shipped) ||
      (kind === 'order_delivered' && state.delivered)
  )
}
