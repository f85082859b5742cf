import type { I18n } from '@adonisjs/i18n'
import vine from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { RESENDABLE_EMAILS } from '#domain/order_actions'
import { ORDER_STATUSES } from '#domain/order_status'
import { REFUND_MODES } from '#domain/refunds'
import { ORDER_GRID_SORTS, TO_SHIP } from '#services/orders/admin_order_grid'
import { euroAmount } from '#validators/rules'
import { translatedMessages } from '#validators/translated_messages'

const day = () => vine.date({ formats: ['YYYY-MM-DD'] })
const methodCode = () =>
  vine
    .string()
    .trim()
    .maxLength(64)
    .regex(/^[a-z0-9][a-z0-9_-]*$/)

/**
 * The order grid's query string; the CSV export reads the same one.
 */
export const orderGridValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  status: vine.enum([...ORDER_STATUSES, TO_SHIP]).optional(),
  from: day().optional(),
  to: day().afterOrSameAs('from').optional(),
  payment: methodCode().optional(),
  shipping: methodCode().optional(),
  country: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  customer: vine.number().positive().withoutDecimals().optional(),
  sort: vine.enum(ORDER_GRID_SORTS).optional(),
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})

const parcelDetails = {
  carrier: vine.string().trim().maxLength(120).optional(),
  tracking_number: vine.string().trim().maxLength(120).optional(),
  tracking_url: vine
    .string()
    .trim()
    .maxLength(500)
    .url({ protocols: ['http', 'https'], require_protocol: true })
    .optional(),
}

/** Units per order line (a parcel, a refund); lines left at 0 are ignored. */
const lineQuantities = () =>
  vine
    .array(
      vine.object({
        order_line_id: vine.number().positive().withoutDecimals(),
        quantity: vine.number().withoutDecimals().range([0, 100_000]),
      })
    )
    .maxLength(500)

/** One parcel: how many units of each line, and its tracking. */
export const shipmentValidator = vine.create({
  lines: lineQuantities().minLength(1),
  ...parcelDetails,
})

const refundReason = () => vine.string().trim().minLength(1).maxLength(500)
const refundRequestKey = () => vine.string().uuid().optional()

/**
 * A refund: units of lines, the delivery and/or an amount in euros, why,
 * and how the money goes back (through the provider or already by hand).
 */
export const refundValidator = vine.create({
  lines: lineQuantities().optional(),
  shipping: vine.boolean().optional(),
  amount: vine.string().trim().use(euroAmount()).optional(),
  reason: refundReason(),
  mode: vine.enum(REFUND_MODES),
  request_key: refundRequestKey(),
})

/** A paid order cancelled before anything shipped: refunded in full. */
export const paidCancellationValidator = vine.create({
  reason: refundReason(),
  mode: vine.enum(REFUND_MODES),
  request_key: refundRequestKey(),
})

/** Orders ticked in the grid, each shipped whole in one parcel. */
export const massShipmentValidator = vine.create({
  ids: vine.array(vine.number().positive().withoutDecimals()).minLength(1).maxLength(200),
  carrier: parcelDetails.carrier,
})

export const deliveryValidator = vine.create({
  delivered_on: day(),
})

export const orderNoteValidator = vine.create({
  note: vine.string().trim().minLength(1).maxLength(2000),
})

export const emailResendValidator = vine.create({
  kind: vine.enum(RESENDABLE_EMAILS),
})

export const cancellationValidator = vine.create({
  reason: vine.string().trim().minLength(3).maxLength(500),
})

/** "2026-03-23" for a date VineJS read from that text (the process runs in UTC). */
export function isoDay(date: Date): string {
  return [
    date.getFullYear(),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-')
}

/** Messages of the order page forms (admin_orders.validator), then the shared ones. */
export function orderFormMessages(i18n: I18n): MessagesProviderContact {
  return translatedMessages(i18n, 'admin_orders.validator')
}
