import db from '@adonisjs/lucid/services/db'

export interface CapturedQuery {
  sql: string
  bindings: unknown[]
}

/**
 * Tables that stay a handful of rows in any shop (configuration, reference
 * lists, plugin settings): reading them whole costs nothing, so a scan of one
 * is no finding. Everything that grows with the catalog, the customers or the
 * orders is left out on purpose.
 */
export const TINY_TABLES = new Set([
  'settings',
  'plugins',
  'attributes',
  'attribute_sets',
  'attribute_set_attributes',
  'stock_locations',
  'search_synonyms',
  'soldes_periods',
  // Tens of rules a year. The running ones are picked by an OR over ends_at and
  // starts_at that no one index serves, and SQLite reads them in id order.
  'promotion_rules',
  'customer_groups',
  'legal_document_drafts',
  'document_sequences',
])

/** Plugins keep their own settings-sized tables (rates, stores), named after the plugin. */
const PLUGIN_TABLE = /^(shipping|payment|sso|security)_/

function isTiny(table: string) {
  return TINY_TABLES.has(table) || PLUGIN_TABLE.test(table)
}

/**
 * The distinct SELECT statements run while `work` runs (HTTP requests to the
 * in-process test server included), read from the primary connection's knex
 * client, which also sees the queries of transactions.
 */
export async function captureSelects(work: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const knex = db.manager.get(db.primaryConnectionName)!.connection!.client!
  const captured = new Map<string, CapturedQuery>()
  const listener = (query: { sql: string; bindings?: unknown[] }) => {
    if (!/^\s*select\b/i.test(query.sql)) return
    // One plan per query shape: the same SQL with other values plans the same way.
    if (!captured.has(query.sql)) {
      captured.set(query.sql, { sql: query.sql, bindings: query.bindings ?? [] })
    }
  }
  knex.on('query', listener)
  try {
    await work()
  } finally {
    knex.off('query', listener)
  }
  return [...captured.values()]
}

/**
 * Full scans of tables that grow with the shop, one message per query (its SQL,
 * values and plan), none when every big table is read through an index.
 *
 * MariaDB: a test database holds a few rows, and on a few rows the optimizer
 * rightly prefers reading the table (`type: ALL`) to an index it has. What must
 * not happen is a scan for lack of an index, which turns into reading every
 * product or order once the shop is real. So a row fails when it is `ALL` with
 * no `possible_keys`: no index could serve that access, whatever the data. (The
 * 10,000-product benchmark catalog shows the chosen plans, see README.)
 *
 * SQLite: without ANALYZE statistics the planner assumes big tables and uses
 * any index it can, so a plain `SCAN <table>` (not `USING INDEX`, not
 * `USING COVERING INDEX`) means no index fits.
 */
export async function fullScans(queries: CapturedQuery[]): Promise<string[]> {
  const dialect = db.connection().dialect.name
  const problems: string[] = []
  for (const query of queries) {
    const scanned =
      dialect === 'sqlite3' || dialect === 'better-sqlite3'
        ? await sqliteScans(query)
        : await mysqlScans(query)
    if (scanned.tables.length) {
      problems.push(
        `full scan of ${scanned.tables.join(', ')}\n  ${query.sql}\n  values: ${JSON.stringify(
          query.bindings
        )}\n  plan: ${scanned.plan}`
      )
    }
  }
  return problems
}

async function sqliteScans(query: CapturedQuery) {
  const rows: { detail: string }[] = await db.rawQuery(
    `EXPLAIN QUERY PLAN ${query.sql}`,
    query.bindings as any[]
  )
  const tables = rows.flatMap(({ detail }) => {
    const scan = /^SCAN (\w+)(?: AS (\w+))?(.*)$/.exec(detail)
    if (!scan || /USING (COVERING )?INDEX/.test(scan[3])) return []
    return isTiny(scan[1]) ? [] : [scan[1]]
  })
  return { tables, plan: rows.map((row) => row.detail).join(' | ') }
}

interface MysqlPlanRow {
  table: string | null
  type: string | null
  possible_keys: string | null
  key: string | null
  Extra: string | null
}

async function mysqlScans(query: CapturedQuery) {
  const [rows]: [MysqlPlanRow[]] = await db.rawQuery(
    `EXPLAIN ${query.sql}`,
    query.bindings as any[]
  )
  // Derived tables, unions and materialised subqueries (<derived2>, <subquery3>) are not stored tables.
  const tables = rows
    .filter((row) => row.type === 'ALL' && !row.possible_keys && row.table)
    .map((row) => row.table!)
    .filter((table) => !table.startsWith('<') && !isTiny(table))
  const plan = rows
    .map(
      (row) =>
        `${row.table}:${row.type} key=${row.key} possible=${row.possible_keys} ${row.Extra ?? ''}`
    )
    .join(' | ')
  return { tables, plan }
}
