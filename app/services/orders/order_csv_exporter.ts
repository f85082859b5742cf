import type { Readable } from 'node:stream'
import type { I18n } from '@adonisjs/i18n'
import { stringify } from 'csv-stringify'
import { timeZone } from '#config/app'
import { Money } from '#domain/money'
import type Order from '#models/order'
import AdminOrderGrid, { type OrderGridQuery } from '#services/orders/admin_order_grid'
import { inertCell } from '#support/spreadsheet_cells'

const BATCH = 500

const COLUMNS = [
  'number',
  'placed_at',
  'status',
  'payment_status',
  'email',
  'billing_name',
  'country',
  'shipping_method',
  'payment_method',
  'items_total',
  'discount_total',
  'shipping_total',
  'vat_total',
  'total',
  'currency',
] as const

/**
 * "49,90": a French spreadsheet reads a comma decimal as a number.
 */
function amount(value: number, currency: string) {
  return Money.of(value, currency).toDecimalString().replace('.', ',')
}

/**
 * The orders of the grid's filters as CSV for a spreadsheet: ";" between
 * fields and a byte-order mark, which is what Excel in French expects to read
 * accents right. Written a batch at a time, so a long list streams out.
 */
export default class OrderCsvExporter {
  constructor(protected grid = new AdminOrderGrid()) {}

  stream(query: Omit<OrderGridQuery, 'page'>, i18n: I18n): Readable {
    const output = stringify({
      bom: true,
      delimiter: ';',
      header: true,
      columns: COLUMNS.map((key) => ({ key, header: i18n.t(`admin_orders.csv.${key}`) })),
    })
    this.write(output, query, i18n).catch((error) => output.destroy(error))
    return output
  }

  private async write(
    output: ReturnType<typeof stringify>,
    query: Omit<OrderGridQuery, 'page'>,
    i18n: I18n
  ) {
    for (let offset = 0; ; offset += BATCH) {
      const orders = await this.grid.filtered(query).offset(offset).limit(BATCH)
      for (const order of orders) {
        if (!output.write(this.row(order, i18n))) {
          await new Promise((resolve) => output.once('drain', resolve))
        }
      }
      if (orders.length < BATCH) break
    }
    output.end()
  }

  private row(order: Order, i18n: I18n): Record<(typeof COLUMNS)[number], string> {
    const billing = order.billingAddress
    const destination = order.shippingAddress ?? order.pickupPoint?.address ?? billing
    return {
      number: order.number,
      placed_at: order.placedAt.setZone(timeZone).toFormat('yyyy-LL-dd HH:mm'),
      status: i18n.t(`admin_orders.status.${order.status}`),
      payment_status: i18n.t(`admin_orders.payment_status.${order.paymentStatus}`),
      email: inertCell(order.email),
      billing_name: inertCell([billing.firstName, billing.lastName].filter(Boolean).join(' ')),
      country: destination.countryCode,
      shipping_method: order.shippingMethodLabel,
      payment_method: order.paymentMethodLabel,
      items_total: amount(order.itemsTotal, order.currency),
      discount_total: amount(order.discountTotal, order.currency),
      shipping_total: amount(order.shippingTotal, order.currency),
      vat_total: amount(order.vatTotal, order.currency),
      total: amount(order.total, order.currency),
      currency: order.currency,
    }
  }
}
