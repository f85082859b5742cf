import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * The numbered series: orders, invoices (FA) and credit notes (AV), each one
 * gapless chronological sequence per calendar year (LEGAL.md I-02, I-04).
 */
export type DocumentSeries = 'CMD' | 'FA' | 'AV'

/**
 * Creates the year's sequence row if it is missing, on its own, before the
 * transaction that numbers a document opens. Creating it inside concurrent
 * transactions would have them take shared locks on the new row and then
 * deadlock upgrading them on MySQL.
 */
export async function prepareDocumentSequence(series: DocumentSeries, year: number) {
  const key = { series, year }
  if (await db.from('document_sequences').where(key).first()) return
  await db
    .knexQuery()
    .table('document_sequences')
    .insert({ ...key, last_number: 0 })
    .onConflict(['series', 'year'])
    .ignore()
}

/**
 * Takes the next number of a prepared series inside the caller's transaction.
 * The UPDATE locks the sequence row until the transaction ends, so concurrent
 * writers are numbered one after the other, and a rolled-back transaction
 * gives its number back: no gap.
 */
export async function nextDocumentNumber(
  trx: TransactionClientContract,
  series: DocumentSeries,
  year: number
): Promise<string> {
  const key = { series, year }
  await trx
    .from('document_sequences')
    .where(key)
    .update({ last_number: trx.raw('last_number + 1') })
  const row = await trx.from('document_sequences').where(key).firstOrFail()
  return formatDocumentNumber(series, year, Number(row.last_number))
}

/** "FA-2026-000042". */
export function formatDocumentNumber(series: DocumentSeries, year: number, sequence: number) {
  return `${series}-${year}-${String(sequence).padStart(6, '0')}`
}
