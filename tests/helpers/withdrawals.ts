import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { addDays } from '@comptoir/contracts/french_calendar'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import { CustomerFactory } from '#database/factories/customer_factory'
import { withdrawalPeriod } from '#domain/withdrawal/period'
import { parisDate } from '#domain/paris_time'
import { goodsStart } from '#domain/withdrawal_handling'
import type { WithdrawalException } from '#domain/withdrawal_exceptions'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import OrderPayments from '#services/orders/order_payments'
import ShipmentService from '#services/orders/shipment_service'
import OrderWithdrawals, { type WithdrawalSource } from '#services/withdrawals/order_withdrawals'
import {
  type checkoutShop,
  placeOrder,
  productOnSale,
  type PlacementOptions,
} from '#tests/helpers/checkout'

export const STAFF = { label: 'Claire (owner)', adminUserId: null }

/** Today in Paris, or `days` from it ("2026-03-23"). */
export function parisToday(days = 0): string {
  return addDays(parisDate(DateTime.now()), days)
}

/** The last day of the withdrawal period of goods received on these days (W-04, W-06). */
export function lastDayFor(receivedOn: string[]): string {
  const period = withdrawalPeriod(goodsStart(receivedOn, 0))
  if (period.status !== 'running') throw new Error('Expected a running period')
  return period.lastDay
}

/**
 * An order placed and paid (bank transfer marked received), then sent in
 * parcels: each holds every unit of the lines at the given positions and
 * arrived on its day (noon in Paris), or is still on its way (null).
 */
export async function deliveredOrder(
  lines: { variantId: number; quantity: number }[],
  parcels: { lines: number[]; deliveredOn: string | null }[],
  options: Parameters<typeof placeOrder>[1] &
    PlacementOptions & { express?: { paid: number; cheapest: number } } = {}
) {
  const placed = await placeOrder(lines, options)
  if (options.express) {
    await choseExpressDelivery(placed, options.express.paid, options.express.cheapest)
  }
  const payments = await app.container.make(OrderPayments)
  await payments.markPaid(placed.id, STAFF)
  const orderLines = await OrderLine.query().where('order_id', placed.id).orderBy('position')
  const shipments = await app.container.make(ShipmentService)
  for (const parcel of parcels) {
    const shipment = await shipments.ship(
      placed.id,
      {
        lines: parcel.lines.map((index) => ({
          orderLineId: orderLines[index].id,
          quantity: orderLines[index].quantity,
        })),
        carrier: 'Colissimo',
      },
      STAFF
    )
    if (parcel.deliveredOn) {
      const noon = DateTime.fromISO(`${parcel.deliveredOn}T12:00`, { zone: SHOP_TIME_ZONE })
      await shipments.markDelivered(shipment.id, noon, STAFF)
    }
  }
  return { order: await Order.findOrFail(placed.id), lines: orderLines }
}

/**
 * As if the shopper had been offered a standard delivery at `cheapest` and
 * chose an express one at `paid` (LEGAL.md W-11): set on the order before
 * its payment starts, the total following.
 */
export async function choseExpressDelivery(order: Order, paid: number, cheapest: number) {
  await db
    .from('orders')
    .where('id', order.id)
    .update({
      shipping_total: paid,
      total: order.itemsTotal - order.discountTotal + paid,
      shipping_service: 'express',
      cheapest_standard_shipping: cheapest,
    })
  await db
    .from('payments')
    .where('order_id', order.id)
    .update({ amount: order.itemsTotal - order.discountTotal + paid })
}

/** A page's text as read: Edge escapes quotes and ampersands. */
export function readable(html: string): string {
  return html
    .replaceAll('&#x27;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
}

/** The readable text of the page a request answers. */
export async function textOf(request: PromiseLike<{ text(): string }>): Promise<string> {
  const response = await request
  return readable(response.text())
}

/**
 * An order of two products, one unit each (30 € and 20 € unless told), sent
 * in the given parcels (deliveredOrder).
 */
export async function twoLineOrder(
  catalog: Awaited<ReturnType<typeof checkoutShop>>['catalog'],
  skus: [string, string],
  parcels: Parameters<typeof deliveredOrder>[1],
  prices: [number, number] = [3000, 2000]
) {
  const first = await productOnSale(catalog, skus[0], { priceAmount: prices[0] })
  const second = await productOnSale(catalog, skus[1], { priceAmount: prices[1] })
  return deliveredOrder(
    [
      { variantId: first, quantity: 1 },
      { variantId: second, quantity: 1 },
    ],
    parcels
  )
}

/** A statement received by letter, posted at `sentAt` (Paris), read on `receivedOn`. */
export function letter(sentAt: string, receivedOn: string): WithdrawalSource {
  return {
    channel: 'letter',
    sentAt: DateTime.fromISO(sentAt, { zone: SHOP_TIME_ZONE }),
    sentTimeKnown: false,
    receivedOn,
    actor: { label: 'Léa (support)' },
  }
}

/** Claire's statement for these units, made online unless told; it must be recorded. */
export async function withdraw(
  orderId: number,
  lines: { orderLineId: number; quantity: number }[],
  source: WithdrawalSource = { channel: 'online' }
) {
  const withdrawals = await app.container.make(OrderWithdrawals)
  const outcome = await withdrawals.submit(
    orderId,
    { consumerName: 'Claire Martin', email: 'claire@example.fr', lines },
    source
  )
  if (outcome.kind !== 'recorded') throw new Error(`withdrawal refused: ${outcome.reason}`)
  return outcome.withdrawal
}

/**
 * Claire Vuillet's account and her order of a clog (49,90 €) and wax (12,90 €
 * each), placed signed in, paid, and delivered in two parcels six and two
 * days ago; with the last day of its period, counted from the later (W-04).
 */
export async function customerOrderInTwoParcels(
  catalog: Awaited<ReturnType<typeof checkoutShop>>['catalog'],
  waxUnits = 1
) {
  const customer = await CustomerFactory.merge({
    firstName: 'Claire',
    lastName: 'Vuillet',
    email: 'claire.vuillet@example.fr',
  }).create()
  const clog = await productOnSale(catalog, 'MAR-39', { priceAmount: 4990 })
  const wax = await productOnSale(catalog, 'CIRE-1', { priceAmount: 1290 })
  const parcels = [parisToday(-6), parisToday(-2)]
  const { order, lines } = await deliveredOrder(
    [
      { variantId: clog, quantity: 1 },
      { variantId: wax, quantity: waxUnits },
    ],
    parcels.map((deliveredOn, index) => ({ lines: [index], deliveredOn })),
    {
      shopper: { customerId: customer.id, email: customer.email },
      checkout: { email: customer.email },
    }
  )
  return { customer, order, lines, parcels, lastDay: lastDayFor(parcels) }
}

/**
 * An order of a product under a withdrawal exception (W-18), listed before
 * ordering as checkout lists it, and a plain clog, delivered yesterday in
 * one parcel: its lines in that order.
 */
export async function orderWithException(
  catalog: Awaited<ReturnType<typeof checkoutShop>>['catalog'],
  excepted: { name: string; sku: string; price: number; exception: WithdrawalException },
  clog: { sku: string; price: number }
) {
  const product = await catalog.createProduct(
    { fr: excepted.name, en: excepted.name },
    [{ sku: excepted.sku, priceAmount: excepted.price }],
    { withdrawalException: excepted.exception }
  )
  await product.load('variants')
  const plain = await productOnSale(catalog, clog.sku, { priceAmount: clog.price })
  return deliveredOrder(
    [
      { variantId: product.variants[0].id, quantity: 1 },
      { variantId: plain, quantity: 1 },
    ],
    [{ lines: [0, 1], deliveredOn: parisToday(-1) }]
  )
}
