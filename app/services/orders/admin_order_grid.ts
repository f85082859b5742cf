import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { timeZone } from '#config/app'
import type { OrderStatus } from '#domain/order_status'
import Order from '#models/order'
import { jsonText, lowerJoined } from '#support/json_sql'
import { sqlTimestamp } from '#support/sql_timestamp'

export const ORDER_GRID_SORTS = [
  'date_desc',
  'date_asc',
  'total_desc',
  'total_asc',
  'number_desc',
  'number_asc',
] as const
export type OrderGridSort = (typeof ORDER_GRID_SORTS)[number]

/** Every order still to ship, in whole or in part (order_status.ts awaitsShipment). */
export const TO_SHIP = 'to_ship'
const TO_SHIP_STATUSES: OrderStatus[] = ['paid', 'processing', 'partially_shipped']

export interface OrderGridQuery {
  /** Order number, e-mail or billing name, in part. */
  q?: string
  status?: OrderStatus | typeof TO_SHIP
  /** Paris calendar days ("2026-03-23"), both included. */
  from?: string
  to?: string
  payment?: string
  shipping?: string
  /** Where the order goes: the delivery address, else the pickup point, else billing. */
  country?: string
  customer?: number
  sort: OrderGridSort
  page: number
}

export const ORDER_GRID_PAGE_SIZE = 25

const SORT_COLUMNS: Record<OrderGridSort, [string, 'asc' | 'desc']> = {
  date_desc: ['placed_at', 'desc'],
  date_asc: ['placed_at', 'asc'],
  total_desc: ['total', 'desc'],
  total_asc: ['total', 'asc'],
  number_desc: ['number', 'desc'],
  number_asc: ['number', 'asc'],
}

/** LIKE pattern for a typed fragment, its wildcards taken literally (escape "!"). */
function containing(text: string) {
  return `%${text.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`
}

/** SQL for the country an order goes to. */
export function destinationCountrySql(client: QueryClientContract) {
  return `COALESCE(${jsonText(client, 'shipping_address', '$.countryCode')}, ${jsonText(
    client,
    'pickup_point',
    '$.address.countryCode'
  )}, ${jsonText(client, 'billing_address', '$.countryCode')})`
}

/**
 * The back office's order list: filters, search, sort and pagination; the
 * CSV export runs the same filtered query. Each filter has an index leading
 * with its column and followed by placed_at, so the default newest-first page
 * reads 25 index entries instead of sorting every match (EXPLAIN on MariaDB,
 * migration 1764300000007). The country lives in the address JSON and has no
 * index: that filter walks placed_at newest first until the page is full.
 */
export default class AdminOrderGrid {
  run(query: OrderGridQuery) {
    return this.filtered(query).paginate(query.page, ORDER_GRID_PAGE_SIZE)
  }

  /** The filtered, sorted orders, for the grid and for the export. */
  filtered(query: Omit<OrderGridQuery, 'page'>) {
    const client = db.connection()
    const builder = Order.query()

    if (query.q) {
      const like = containing(query.q)
      const name = lowerJoined(client, [
        jsonText(client, 'billing_address', '$.firstName'),
        jsonText(client, 'billing_address', '$.lastName'),
      ])
      builder.where((where) =>
        where
          .whereRaw(`lower(number) like ? escape '!'`, [like])
          .orWhereRaw(`lower(email) like ? escape '!'`, [like])
          .orWhereRaw(`${name} like ? escape '!'`, [like])
      )
    }
    if (query.status === TO_SHIP) builder.whereIn('status', TO_SHIP_STATUSES)
    else if (query.status) builder.where('status', query.status)
    if (query.from) builder.where('placed_at', '>=', this.startOfDay(query.from))
    if (query.to) builder.where('placed_at', '<', this.startOfDay(query.to, 1))
    if (query.payment) builder.where('payment_method_code', query.payment)
    if (query.shipping) builder.where('shipping_method_code', query.shipping)
    if (query.country) builder.whereRaw(`${destinationCountrySql(client)} = ?`, [query.country])
    if (query.customer) builder.where('customer_id', query.customer)

    const [column, direction] = SORT_COLUMNS[query.sort]
    return builder.orderBy(column, direction).orderBy('id', direction)
  }

  /**
   * Methods found on orders, for the filters: disabled plugins' too, each
   * named as on its latest order. The codes come from a loose scan of the
   * (method, placed_at) index, then one indexed lookup per method.
   */
  async methods() {
    const [payment, shipping] = await Promise.all([
      this.methodsIn('payment_method_code', 'payment_method_label'),
      this.methodsIn('shipping_method_code', 'shipping_method_label'),
    ])
    return { payment, shipping }
  }

  private async methodsIn(codeColumn: string, labelColumn: string) {
    const codes = await db
      .from('orders')
      .select(codeColumn)
      .max('placed_at as latest')
      .groupBy(codeColumn)
      .orderBy(codeColumn)
    return Promise.all(
      codes.map(async (row) => {
        const latest = await db
          .from('orders')
          .where(codeColumn, row[codeColumn])
          .orderBy('placed_at', 'desc')
          .select(labelColumn)
          .first()
        return {
          code: String(row[codeColumn]),
          label: String(latest?.[labelColumn] ?? row[codeColumn]),
        }
      })
    )
  }

  /** The instant a Paris calendar day starts (plus some days), as stored. */
  private startOfDay(day: string, plusDays = 0) {
    return sqlTimestamp(
      DateTime.fromISO(day, { zone: timeZone }).startOf('day').plus({ days: plusDays })
    )
  }
}
