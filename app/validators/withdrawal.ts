import type { I18n } from '@adonisjs/i18n'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { HOLIDAY_CALENDARS } from '@comptoir/contracts/french_calendar'
import { REFUND_MODES } from '#domain/refunds'
import { parisDate } from '#domain/paris_time'
import {
  PARTIAL_DELIVERY_POLICIES,
  RETURN_COST_BEARERS,
  STAFF_CHANNELS,
  WITHDRAWAL_STATUSES,
} from '#domain/withdrawal_handling'
import { euroAmount } from '#validators/rules'
import { translatedMessages } from '#validators/translated_messages'

const day = () => vine.date({ formats: ['YYYY-MM-DD'] })

/** A day that has come, in Paris: a letter is not sent nor received in the future. */
const pastDay = () => day().beforeOrEqual(() => parisDate(DateTime.now()))

/**
 * The units of each order line a statement covers: a ticked line, with how
 * many of its units (all that are left unless told).
 */
const statementLines = () =>
  vine
    .array(
      vine.object({
        order_line_id: vine.number().positive().withoutDecimals(),
        selected: vine.boolean().optional(),
        quantity: vine.number().withoutDecimals().range([1, 100_000]).optional(),
      })
    )
    .maxLength(500)

/**
 * A withdrawal statement (WF-04): the consumer's name, the e-mail the
 * acknowledgement goes to, the units, and a reason only if he wants to give one.
 */
const statement = {
  consumer_name: vine.string().trim().minLength(1).maxLength(200),
  email: vine.string().trim().maxLength(254).email(),
  reason: vine.string().trim().maxLength(1000).optional(),
  lines: statementLines(),
}

export const withdrawalStatementValidator = vine.create(statement)

/**
 * A statement staff enter from a letter or an e-mail (W-07): the order, how
 * it came, the day it was sent (and the time when known) and the day it arrived.
 */
export const writtenWithdrawalValidator = vine.create({
  ...statement,
  order_number: vine.string().trim().maxLength(40),
  channel: vine.enum(STAFF_CHANNELS),
  sent_on: pastDay(),
  sent_time: vine
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
  received_on: pastDay().afterOrSameAs('sent_on'),
})

/** The order a written statement is about, to prefill its form. */
export const writtenWithdrawalQueryValidator = vine.create({
  order: vine.string().trim().maxLength(40).optional(),
})

/** The back-office list: by status or by order number. */
export const withdrawalListValidator = vine.create({
  status: vine.enum(WITHDRAWAL_STATUSES).optional(),
  order: vine.string().trim().maxLength(40).optional(),
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})

/** The day the consumer's proof of shipment is dated (W-13). */
export const shippedBackValidator = vine.create({
  shipped_on: day(),
})

/** The day the goods came back, and the sealed lines that came back unsealed (W-18). */
export const receivedValidator = vine.create({
  received_on: day(),
  unsealed: vine.array(vine.number().positive().withoutDecimals()).maxLength(500).optional(),
})

/**
 * A refund's choices: how the goods came back and at what cost (W-16), a
 * depreciation with its reason (W-17), and, once previewed, how the money
 * goes back and the total the merchant saw.
 */
export const withdrawalRefundValidator = vine.create({
  return_by: vine.enum(['none', ...RETURN_COST_BEARERS] as const).optional(),
  return_cost: vine.string().trim().use(euroAmount()).optional(),
  deduction: vine.string().trim().use(euroAmount()).optional(),
  deduction_reason: vine.string().trim().maxLength(300).optional().requiredIfExists('deduction'),
  mode: vine.enum(REFUND_MODES).optional(),
  expected_total: vine.number().withoutDecimals().min(0).optional(),
})

export const withdrawalSettingsValidator = vine.create({
  calendar: vine.enum(HOLIDAY_CALENDARS),
  return_cost: vine.enum(RETURN_COST_BEARERS),
  partial_delivery: vine.enum(PARTIAL_DELIVERY_POLICIES),
  // Percent with up to two decimals, "6,67".
  legal_interest_rate: vine
    .string()
    .trim()
    .regex(/^\d{1,2}([.,]\d{1,2})?$/),
})

/** Messages of the withdrawal forms (withdrawals.validator), then the shared ones. */
export function withdrawalFormMessages(i18n: I18n): MessagesProviderContact {
  return translatedMessages(i18n, 'withdrawals.validator')
}
