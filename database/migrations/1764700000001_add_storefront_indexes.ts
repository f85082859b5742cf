import { BaseSchema } from '@adonisjs/lucid/schema'

interface StorefrontIndex {
  table: string
  columns: string[]
  name: string
  /**
   * Its leading column is a foreign key: MariaDB already indexes it for the
   * constraint (and would adopt this index in its place, so it could not be
   * dropped again), SQLite does not index foreign keys at all.
   */
  foreignKeyLed?: boolean
}

/**
 * Indexes found missing by EXPLAIN on the storefront's queries (home, category,
 * product, search, cart, checkout, confirmation, legal pages) against the
 * 10,000-product benchmark catalog; README "Database: indexes, query plans and
 * connections" has each query and its plan before and after. tests/functional/database/
 * storefront_query_plans.spec.ts keeps the storefront free of full scans.
 */
const INDEXES: StorefrontIndex[] = [
  // The header's navigation: enabled categories of the first two levels.
  { table: 'categories', columns: ['depth'], name: 'categories_depth_index' },
  // When the shop's prices next change by themselves (the page cache's expiry): the
  // nearest end of a promotion, the first row of this index. It also lets MariaDB pick
  // the running rules, read for every price, without reading every past one.
  { table: 'promotion_rules', columns: ['ends_at'], name: 'promotion_rules_ends_at_index' },
  // The confirmation and order pages: an order's lines in their order.
  {
    table: 'order_lines',
    columns: ['order_id', 'position'],
    name: 'order_lines_order_id_position_index',
    foreignKeyLed: true,
  },
]

export default class extends BaseSchema {
  async up() {
    for (const index of this.applicable()) {
      this.schema.alterTable(index.table, (table) => {
        table.index(index.columns, index.name)
      })
    }
  }

  async down() {
    for (const index of this.applicable()) {
      this.schema.alterTable(index.table, (table) => {
        table.dropIndex(index.columns, index.name)
      })
    }
  }

  private applicable() {
    const indexesForeignKeys = this.db.dialect.name === 'mysql'
    return INDEXES.filter((index) => !(index.foreignKeyLed && indexesForeignKeys))
  }
}
