import { DateTime } from 'luxon'

/**
 * A timestamp for query-builder writes, in the format Lucid models use on
 * both SQLite and MySQL (the process runs in UTC). A plain Date would be bound
 * as milliseconds on SQLite.
 */
export function sqlTimestamp(date: DateTime = DateTime.now()): string {
  return date.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')
}
