import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Runs a raw SELECT and returns its rows: better-sqlite3 answers with the rows,
 * mysql2 with [rows, fields].
 */
export async function rawRows<Row = Record<string, any>>(
  client: QueryClientContract,
  sql: string,
  bindings: unknown[]
): Promise<Row[]> {
  const result = await client.rawQuery(sql, bindings as any[])
  return (client.dialect.name === 'mysql' ? result[0] : result) as Row[]
}
