import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The back office's orders and customers: staff notes on a customer (notes
 * on an order are events of its timeline), and the indexes the order grid's
 * filters need beyond those the orders migration made (status, placed_at,
 * customer, email). Each filter narrows on its column and keeps the grid's
 * default newest-first order from the same index (checked with EXPLAIN on
 * MariaDB); the total sort reads its own.
 */
const ORDER_GRID_INDEXES = [
  ['payment_method_code', 'placed_at'],
  ['shipping_method_code', 'placed_at'],
  ['total'],
]

export default class extends BaseSchema {
  async up() {
    if (!(await this.db.schema.hasTable('customer_notes'))) {
      this.schema.createTable('customer_notes', (table) => {
        table.increments('id')
        table
          .integer('customer_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('customers')
          .onDelete('CASCADE')
        // Who wrote it, as named then; the account may be deleted later.
        table.string('author', 255).notNullable()
        table
          .integer('admin_user_id')
          .unsigned()
          .nullable()
          .references('id')
          .inTable('admin_users')
          .onDelete('SET NULL')
        table.text('body').notNullable()
        table.timestamp('created_at').notNullable()
        table.index(['customer_id', 'created_at'])
      })
    }

    for (const columns of ORDER_GRID_INDEXES) {
      if (!(await this.hasIndex('orders', this.indexName(columns)))) {
        this.schema.alterTable('orders', (table) => {
          table.index(columns, this.indexName(columns))
        })
      }
    }
  }

  async down() {
    for (const columns of ORDER_GRID_INDEXES) {
      if (await this.hasIndex('orders', this.indexName(columns))) {
        this.schema.alterTable('orders', (table) => {
          table.dropIndex(columns, this.indexName(columns))
        })
      }
    }
    this.schema.dropTableIfExists('customer_notes')
  }

  private indexName(columns: string[]) {
    return `orders_${columns.join('_')}_index`
  }

  private async hasIndex(table: string, name: string) {
    const rows =
      this.db.dialect.name === 'mysql'
        ? await this.db
            .from('information_schema.statistics')
            .whereRaw('table_schema = database()')
            .where({ table_name: table, index_name: name })
        : await this.db.from('sqlite_master').where({ type: 'index', tbl_name: table, name })
    return rows.length > 0
  }
}
