import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Scheduled price reductions (LEGAL.md §5): customer groups for ventes
 * privées, promotion rules with their scope, and the soldes dates the
 * merchant recorded over the arrêté's (per year, nationally or for a
 * département). The public prices they produce go to price_history.
 */
export default class extends BaseSchema {
  async up() {
    if (!(await this.db.schema.hasTable('customer_groups'))) {
      this.schema.createTable('customer_groups', (table) => {
        table.increments('id')
        table.string('name', 120).notNullable().unique()
        table.string('description', 500).nullable()
        table.timestamp('created_at').notNullable()
        table.timestamp('updated_at').notNullable()
      })
    }

    if (!(await this.db.schema.hasTable('customer_group_members'))) {
      this.schema.createTable('customer_group_members', (table) => {
        table
          .integer('customer_group_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('customer_groups')
          .onDelete('CASCADE')
        table
          .integer('customer_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('customers')
          .onDelete('CASCADE')
        table.timestamp('created_at').notNullable()
        table.primary(['customer_group_id', 'customer_id'])
        table.index(['customer_id'])
      })
    }

    if (!(await this.db.schema.hasTable('promotion_rules'))) {
      this.schema.createTable('promotion_rules', (table) => {
        table.increments('id')
        table.string('name', 160).notNullable()
        table.string('kind', 16).notNullable()
        table.string('discount_type', 16).notNullable()
        // Basis points for a percentage, minor units for a fixed amount.
        table.integer('value').notNullable()
        table.string('currency', 3).nullable()
        table.timestamp('starts_at').notNullable()
        table.timestamp('ends_at').nullable()
        // RESTRICT: a group a vente privée is reserved to is kept while the rule is.
        table
          .integer('customer_group_id')
          .unsigned()
          .nullable()
          .references('id')
          .inTable('customer_groups')
          .onDelete('RESTRICT')
        table.string('campaign', 80).nullable()
        table.string('declaration_reference', 120).nullable()
        table.timestamp('created_at').notNullable()
        table.timestamp('updated_at').notNullable()
        table.index(['starts_at', 'ends_at'])
      })
    }

    // A target that no longer exists (a deleted category) matches nothing: the
    // rule never widens to the whole catalog.
    if (!(await this.db.schema.hasTable('promotion_rule_targets'))) {
      this.schema.createTable('promotion_rule_targets', (table) => {
        table
          .integer('promotion_rule_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('promotion_rules')
          .onDelete('CASCADE')
        table.string('target_type', 24).notNullable()
        table.integer('target_id').unsigned().notNullable()
        table.primary(['promotion_rule_id', 'target_type', 'target_id'])
        table.index(['target_type', 'target_id'])
      })
    }

    if (!(await this.db.schema.hasTable('soldes_periods'))) {
      this.schema.createTable('soldes_periods', (table) => {
        table.increments('id')
        table.integer('year').notNullable()
        table.string('season', 8).notNullable()
        // Paris calendar days, "2026-01-07": no time zone may move them.
        table.string('first_day', 10).notNullable()
        table.string('last_day', 10).notNullable()
        table.string('opening_time', 5).notNullable().defaultTo('08:00')
        table.string('note', 255).nullable()
        table.timestamp('created_at').notNullable()
        table.timestamp('updated_at').notNullable()
        table.unique(['year', 'season'])
      })
    }
  }

  async down() {
    this.schema.dropTableIfExists('soldes_periods')
    this.schema.dropTableIfExists('promotion_rule_targets')
    this.schema.dropTableIfExists('promotion_rules')
    this.schema.dropTableIfExists('customer_group_members')
    this.schema.dropTableIfExists('customer_groups')
  }
}
