import type { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import type { I18n } from '@adonisjs/i18n'
import { DateTime } from 'luxon'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import Invoice from '#models/invoice'
import { signedAmount } from '#domain/invoices'
import { Money } from '#domain/money'
import type { VatRate } from '#domain/vat'
import { sqlTimestamp } from '#support/sql_timestamp'
import { inertCell } from '#support/spreadsheet_cells'

const BATCH = 500
const COLUMNS = ['date', 'number', 'kind', 'order', 'customer', 'rate', 'net', 'vat', 'gross']

/** Paris calendar days, both included: "2026-01-01" to "2026-01-31". */
export interface JournalPeriod {
  from: string
  to: string
}

/**
 * The sales and VAT journal an accountant imports: one row per document and
 * VAT rate, with the amounts its PDF prints (credit notes negative), as a CSV
 * that Excel opens in French (UTF-8 BOM, `;` separator, decimal commas).
 * Documents are read a batch at a time, so a year streams out without being
 * held in memory.
 */
export default class SalesJournal {
  constructor(protected batchSize = BATCH) {}

  stream(period: JournalPeriod, i18n: I18n): Readable {
    const output = stringify({
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      header: true,
      columns: COLUMNS.map((key) => ({
        key,
        header: i18n.t(`invoices.accounting.csv.${key}`),
      })),
    })
    this.write(output, period, i18n).catch((error) => output.destroy(error))
    return output
  }

  private async write(output: ReturnType<typeof stringify>, period: JournalPeriod, i18n: I18n) {
    const start = sqlTimestamp(parisDay(period.from))
    const end = sqlTimestamp(parisDay(period.to).plus({ days: 1 }))
    let after: { issuedAt: string; id: number } | null = null
    for (;;) {
      const query = Invoice.query()
        .where('issued_at', '>=', start)
        .where('issued_at', '<', end)
        .orderBy('issued_at')
        .orderBy('id')
        .limit(this.batchSize)
      if (after) {
        const { issuedAt, id } = after
        query.where((keyset) =>
          keyset
            .where('issued_at', '>', issuedAt)
            .orWhere((same) => same.where('issued_at', issuedAt).where('id', '>', id))
        )
      }
      const documents = await query
      if (!documents.length) break
      for (const document of documents) {
        for (const row of this.rows(document, i18n)) {
          if (!output.write(row)) await new Promise((resolve) => output.once('drain', resolve))
        }
      }
      const last = documents[documents.length - 1]
      after = { issuedAt: sqlTimestamp(last.issuedAt), id: last.id }
    }
    output.end()
  }

  private rows(document: Invoice, i18n: I18n) {
    const { snapshot } = document
    const { address } = snapshot.buyer
    const customer =
      address.company || [address.firstName, address.lastName].filter(Boolean).join(' ')
    const amount = (value: number) =>
      decimalComma(Money.of(signedAmount(document.kind, value), document.currency))
    return snapshot.vat.map((line) => ({
      date: document.issuedAt.setZone(SHOP_TIME_ZONE).toFormat('dd/LL/yyyy'),
      number: document.number,
      kind: i18n.t(`invoices.kinds.${document.kind}`),
      order: snapshot.orderNumber,
      customer: inertCell(customer),
      rate: percent(line.rate),
      net: amount(line.net),
      vat: amount(line.vat),
      gross: amount(line.gross),
    }))
  }
}

function parisDay(day: string): DateTime {
  return DateTime.fromISO(day, { zone: SHOP_TIME_ZONE }).startOf('day')
}

/** "-1234,50": what Excel in French reads as a number. */
function decimalComma(money: Money): string {
  return money.toDecimalString().replace('.', ',')
}

/** 550 basis points → "5,5"; 2000 → "20". */
function percent(rate: VatRate): string {
  const whole = Math.trunc(rate / 100)
  const fraction = String(rate % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return fraction ? `${whole},${fraction}` : String(whole)
}
