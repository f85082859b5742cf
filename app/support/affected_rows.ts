/** Rows an update or delete through the query builder reports: a number on SQLite, [count] on MySQL. */
export function affectedRows(result: unknown): number {
  return Number(Array.isArray(result) ? result[0] : result) || 0
}
