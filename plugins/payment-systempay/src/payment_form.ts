import { randomInt } from 'node:crypto'
import type { Locale, OrderSnapshot } from '@comptoir/contracts/commerce'
import type { PaymentUrls } from '@comptoir/contracts/payment_provider'
import { numericCurrency } from '#src/currencies'
import type { SystempayMode } from '#src/settings'

export interface PaymentFormInput {
  siteId: string
  mode: SystempayMode
  order: OrderSnapshot
  locale: Locale
  urls: PaymentUrls
  email: string | null
  now: Date
  transId: string
}

/** `vads_trans_date`: the UTC time as yyyyMMddHHmmss. */
export function transDate(now: Date): string {
  return now.toISOString().replace(/\D/g, '').slice(0, 14)
}

const DAY_MS = 86_400_000
/** `vads_trans_id` runs from 000000 to 899999; the rest is reserved by Lyra. */
const TRANS_ID_LIMIT = 900_000
let lastTransId = { day: '', value: -1 }

/**
 * The share of the ids one process gives when several serve the shop: worker
 * `index + 1` of `count` (bin/cluster.ts) gives only the ids equal to `index`
 * modulo `count`, so two workers never give the same one.
 */
export interface TransIdLane {
  index: number
  count: number
}

/** This process's lane, from the CLUSTER_WORKER / CLUSTER_WORKERS its primary set; alone otherwise. */
export function clusterLane(env: NodeJS.ProcessEnv = process.env): TransIdLane {
  const worker = Number(env.CLUSTER_WORKER)
  const count = Number(env.CLUSTER_WORKERS)
  if (!Number.isInteger(worker) || !Number.isInteger(count) || worker < 1 || worker > count) {
    return { index: 0, count: 1 }
  }
  return { index: worker - 1, count }
}

/**
 * A `vads_trans_id`, unique for the shop within its UTC day (the day of
 * `vads_trans_date`), as Lyra requires. Random ids would collide by the
 * birthday effect (a shop starting 1,000 payments a day would reuse one
 * within a few days), so the id is the tenth of a second of the UTC day
 * (0..863999), moved to this process's lane and bumped when this process
 * already gave it; only two servers (machines) starting a payment within the
 * same 100 ms could meet, and then the gateway refuses the second form and
 * the shopper simply tries again. Past the range (a burst at the very end of
 * a day) it falls back to a random id of the lane.
 */
export function nextTransId(now: Date, lane: TransIdLane = { index: 0, count: 1 }): string {
  const day = transDate(now).slice(0, 8)
  let value = Math.floor((now.getTime() % DAY_MS) / 100)
  value += (lane.index - (value % lane.count) + lane.count) % lane.count
  if (lastTransId.day === day && value <= lastTransId.value) value = lastTransId.value + lane.count
  if (value >= TRANS_ID_LIMIT) {
    value = randomInt(0, Math.floor(TRANS_ID_LIMIT / lane.count)) * lane.count + lane.index
  }
  lastTransId = { day, value }
  return String(value).padStart(6, '0')
}

/**
 * The `vads_*` fields of a single, immediate card payment of the whole order
 * (before signing). The shopper comes back to the core's return page whatever
 * the outcome; only the IPN (`vads_url_check`) tells the shop what happened.
 * No `vads_return_mode`: the return then carries no field, so the shopper's
 * e-mail and card details never sit in a URL (history, access logs).
 */
export function paymentFields(input: PaymentFormInput): Record<string, string> {
  const currency = numericCurrency(input.order.total.currency)
  if (!currency) throw new Error(`Systempay does not take ${input.order.total.currency} here`)
  const fields: Record<string, string> = {
    vads_action_mode: 'INTERACTIVE',
    vads_amount: String(input.order.total.amount),
    vads_ctx_mode: input.mode,
    vads_currency: currency,
    vads_language: input.locale,
    vads_order_id: input.order.reference,
    vads_page_action: 'PAYMENT',
    vads_payment_config: 'SINGLE',
    vads_site_id: input.siteId,
    vads_trans_date: transDate(input.now),
    vads_trans_id: input.transId,
    vads_url_cancel: input.urls.cancel,
    vads_url_check: input.urls.notify,
    vads_url_error: input.urls.return,
    vads_url_refused: input.urls.return,
    vads_url_return: input.urls.return,
    vads_url_success: input.urls.return,
    vads_version: 'V2',
  }
  // vads_cust_email is ans..150; the gateway sends its receipt there.
  if (input.email && input.email.length <= 150) fields.vads_cust_email = input.email
  return fields
}
