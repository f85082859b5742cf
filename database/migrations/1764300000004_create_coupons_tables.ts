import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Coupon codes shoppers type in the cart or at checkout, their product and
 * category scope, and one redemption row per order that used one.
 * `times_used` and `coupon_customer_usage` count the redemptions so that
 * conditional UPDATEs enforce the limits under concurrency (CouponService.redeem).
 */
export default class extends BaseSchema {
  async up() {
    if (!(await this.db.schema.hasTable('coupons'))) {
      this.schema.createTable('coupons', (table) => {
        table.increments('id')
        table.string('code', 32).notNullable().unique()
        table.string('kind', 16).notNullable()
        // Basis points for a percentage, minor units for a fixed amount, 0 for free shipping.
        table.integer('value').notNullable().defaultTo(0)
        table.string('currency', 3).nullable()
        table.integer('min_subtotal').nullable()
        table.timestamp('starts_at').nullable()
        table.timestamp('ends_at').nullable()
        table.integer('usage_limit').nullable()
        table.integer('per_customer_limit').nullable()
        table.integer('times_used').notNullable().defaultTo(0)
        table.boolean('active').notNullable().defaultTo(true)
        table.string('label', 160).nullable()
        table.text('notes').nullable()
        table.timestamp('created_at').notNullable()
        table.timestamp('updated_at').notNullable()
        table.index(['active', 'created_at'])
      })
    }

    if (!(await this.db.schema.hasTable('coupon_products'))) {
      this.schema.createTable('coupon_products', (table) => {
        table
          .integer('coupon_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('coupons')
          .onDelete('CASCADE')
        table
          .integer('product_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('products')
          .onDelete('CASCADE')
        table.primary(['coupon_id', 'product_id'])
      })
    }

    if (!(await this.db.schema.hasTable('coupon_categories'))) {
      this.schema.createTable('coupon_categories', (table) => {
        table
          .integer('coupon_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('coupons')
          .onDelete('CASCADE')
        table
          .integer('category_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('categories')
          .onDelete('CASCADE')
        table.primary(['coupon_id', 'category_id'])
      })
    }

    if (!(await this.db.schema.hasTable('coupon_redemptions'))) {
      this.schema.createTable('coupon_redemptions', (table) => {
        table.increments('id')
        // RESTRICT: a coupon that was used is kept (deactivated), never deleted.
        table
          .integer('coupon_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('coupons')
          .onDelete('RESTRICT')
        table
          .integer('order_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('orders')
          .onDelete('CASCADE')
        table
          .integer('customer_id')
          .unsigned()
          .nullable()
          .references('id')
          .inTable('customers')
          .onDelete('SET NULL')
        // Lower-cased, so guests are counted per person across orders.
        table.string('email', 254).notNullable()
        table.integer('amount').notNullable()
        table.timestamp('created_at').notNullable()
        table.unique(['coupon_id', 'order_id'])
        table.index(['order_id'])
      })
    }

    // Uses per customer ("customer:12", "email:claire@example.com"), one row
    // each, so the per-customer limit is one conditional UPDATE too: no
    // locking range read over the redemptions, whose gap locks deadlock
    // concurrent checkouts on MariaDB.
    if (!(await this.db.schema.hasTable('coupon_customer_usage'))) {
      this.schema.createTable('coupon_customer_usage', (table) => {
        table
          .integer('coupon_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('coupons')
          .onDelete('CASCADE')
        table.string('customer_key', 270).notNullable()
        table.integer('uses').notNullable().defaultTo(0)
        table.primary(['coupon_id', 'customer_key'])
      })
    }
  }

  async down() {
    this.schema.dropTableIfExists('coupon_customer_usage')
    this.schema.dropTableIfExists('coupon_redemptions')
    this.schema.dropTableIfExists('coupon_categories')
    this.schema.dropTableIfExists('coupon_products')
    this.schema.dropTableIfExists('coupons')
  }
}
