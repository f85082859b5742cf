import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * SQL reading one text value out of a JSON column (addresses on orders), on
 * SQLite and on MariaDB. `column` and `path` are constants written in code,
 * never user input: they are pasted into the SQL.
 */
export function jsonText(client: QueryClientContract, column: string, path: string): string {
  return client.dialect.name === 'mysql'
    ? `JSON_UNQUOTE(JSON_EXTRACT(${column}, '${path}'))`
    : `json_extract(${column}, '${path}')`
}

/** SQL joining text expressions with a space, skipping NULLs, lower-cased for searching. */
export function lowerJoined(client: QueryClientContract, expressions: string[]): string {
  return client.dialect.name === 'mysql'
    ? `LOWER(CONCAT_WS(' ', ${expressions.join(', ')}))`
    : `lower(${expressions.map((expression) => `coalesce(${expression}, '')`).join(` || ' ' || `)})`
}
