import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Carts, orders and what happens to them: the stock each order line took and
 * from where, payments with every state transition, shipments, the order
 * timeline, and the gapless per-year sequences that number orders and invoices.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('carts', (table) => {
      table.increments('id')
      table.string('token', 64).notNullable().unique()
      table
        .integer('customer_id')
        .unsigned()
        .nullable()
        .unique()
        .references('id')
        .inTable('customers')
        .onDelete('SET NULL')
      table.string('currency', 3).notNullable()
      table.string('coupon_code', 64).nullable()
      table.text('checkout').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable().index()
    })

    this.schema.createTable('cart_lines', (table) => {
      table.increments('id')
      table
        .integer('cart_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('carts')
        .onDelete('CASCADE')
      table
        .integer('variant_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('variants')
        .onDelete('CASCADE')
      table.integer('quantity').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['cart_id', 'variant_id'])
    })

    this.schema.createTable('shipping_gaps', (table) => {
      table.increments('id')
      table.string('country_code', 2).notNullable()
      table.string('postal_code', 16).notNullable()
      table.integer('weight_grams').notNullable()
      table.integer('subtotal').notNullable()
      table.string('currency', 3).notNullable()
      table.timestamp('created_at').notNullable().index()
    })

    this.schema.createTable('document_sequences', (table) => {
      table.string('series', 8).notNullable()
      table.integer('year').notNullable()
      table.integer('last_number').notNullable()
      table.primary(['series', 'year'])
    })

    this.schema.createTable('orders', (table) => {
      table.increments('id')
      table.string('number', 32).notNullable().unique()
      table.string('status', 24).notNullable()
      table.string('payment_status', 24).notNullable()
      table
        .integer('customer_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('customers')
        .onDelete('SET NULL')
      table.string('email', 254).notNullable().index()
      table.string('locale', 5).notNullable()
      table.string('currency', 3).notNullable()
      table.integer('items_total').notNullable()
      table.integer('discount_total').notNullable()
      table.integer('shipping_total').notNullable()
      table.integer('vat_total').notNullable()
      table.integer('total').notNullable()
      table.string('coupon_code', 64).nullable()
      table.string('shipping_method_code', 64).notNullable()
      table.string('shipping_method_label', 160).notNullable()
      table.string('shipping_service', 16).notNullable()
      table.text('pickup_point').nullable()
      table.integer('cheapest_standard_shipping').nullable()
      table.date('estimated_delivery_from').notNullable()
      table.date('estimated_delivery_to').notNullable()
      table.string('payment_method_code', 64).notNullable()
      table.string('payment_method_label', 160).notNullable()
      table.timestamp('payment_due_at').nullable()
      table.text('shipping_address').nullable()
      table.text('billing_address').notNullable()
      table
        .integer('terms_version_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('legal_document_versions')
      table.string('terms_checksum', 64).notNullable()
      table.text('snapshot').notNullable()
      table.string('placed_ip', 45).nullable()
      table.timestamp('placed_at').notNullable().index()
      table.timestamp('paid_at').nullable()
      table.timestamp('cancelled_at').nullable()
      table.timestamp('delay_notified_at').nullable()
      table.date('revised_delivery_to').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status', 'placed_at'])
      table.index(['customer_id', 'placed_at'])
    })

    this.schema.createTable('order_lines', (table) => {
      table.increments('id')
      table
        .integer('order_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('orders')
        .onDelete('CASCADE')
      table
        .integer('variant_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('variants')
        .onDelete('SET NULL')
      table
        .integer('product_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('products')
        .onDelete('SET NULL')
      table.string('sku', 64).notNullable()
      table.string('name', 255).notNullable()
      table.string('options_label', 255).nullable()
      table.integer('quantity').notNullable()
      table.integer('unit_price').notNullable()
      table.integer('discount').notNullable()
      table.integer('total').notNullable()
      table.integer('vat_rate').notNullable()
      table.integer('unit_weight_grams').notNullable()
      table.string('withdrawal_exception', 32).nullable()
      table.integer('position').notNullable()
    })

    this.schema.createTable('order_stock_allocations', (table) => {
      table.increments('id')
      table
        .integer('order_line_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('order_lines')
        .onDelete('CASCADE')
      table
        .integer('stock_location_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('stock_locations')
        .onDelete('CASCADE')
      table.integer('quantity').notNullable()
      table.timestamp('released_at').nullable()
    })

    this.schema.createTable('order_events', (table) => {
      table.bigIncrements('id')
      table
        .integer('order_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('orders')
        .onDelete('CASCADE')
      table.string('type', 24).notNullable()
      table.string('from_state', 24).nullable()
      table.string('to_state', 24).nullable()
      table.string('actor', 255).notNullable()
      table
        .integer('admin_user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('admin_users')
        .onDelete('SET NULL')
      table.text('note').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['order_id', 'created_at'])
    })

    this.schema.createTable('payments', (table) => {
      table.increments('id')
      table
        .integer('order_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('orders')
        .onDelete('CASCADE')
      table.string('method_code', 64).notNullable()
      table.string('status', 24).notNullable()
      table.integer('amount').notNullable()
      table.integer('refunded_amount').notNullable().defaultTo(0)
      table.string('currency', 3).notNullable()
      table.string('transaction_id', 255).nullable()
      table.text('instructions').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['order_id'])
      table.index(['method_code', 'status'])
    })

    this.schema.createTable('payment_transitions', (table) => {
      table.bigIncrements('id')
      table
        .integer('payment_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('payments')
        .onDelete('CASCADE')
      table.string('from_status', 24).nullable()
      table.string('to_status', 24).notNullable()
      table.integer('amount').nullable()
      table.string('actor', 255).notNullable()
      table.string('event_id', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.index(['payment_id', 'created_at'])
    })

    this.schema.createTable('shipments', (table) => {
      table.increments('id')
      table
        .integer('order_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('orders')
        .onDelete('CASCADE')
      table.string('carrier', 120).nullable()
      table.string('tracking_number', 120).nullable()
      table.string('tracking_url', 500).nullable()
      table.timestamp('shipped_at').notNullable()
      table.timestamp('delivered_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['order_id'])
    })

    this.schema.createTable('shipment_lines', (table) => {
      table
        .integer('shipment_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('shipments')
        .onDelete('CASCADE')
      table
        .integer('order_line_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('order_lines')
        .onDelete('CASCADE')
      table.integer('quantity').notNullable()
      table.primary(['shipment_id', 'order_line_id'])
    })
  }

  async down() {
    for (const table of [
      'shipment_lines',
      'shipments',
      'payment_transitions',
      'payments',
      'order_events',
      'order_stock_allocations',
      'order_lines',
      'orders',
      'document_sequences',
      'shipping_gaps',
      'cart_lines',
      'carts',
    ]) {
      this.schema.dropTable(table)
    }
  }
}
