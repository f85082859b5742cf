import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Claims under the legal guarantee of conformity (LEGAL.md G-01 to G-03):
 * one row per defect a consumer reports from the order page, with the remedy
 * he chose, the 30 days the seller has (G-03) and what the seller did: the
 * remedy accepted, or refused with its reason and the alternative offered,
 * then the claim resolved or closed unresolved (M-02: the mediator is
 * offered then). Its lines are the units of each delivered parcel concerned.
 */
export default class extends BaseSchema {
  async up() {
    if (!(await this.db.schema.hasTable('guarantee_claims'))) {
      this.schema.createTable('guarantee_claims', (table) => {
        table.increments('id')
        table
          .integer('order_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('orders')
          .onDelete('CASCADE')
        // open | in_progress | refused_remedy | resolved | closed_unresolved
        table.string('status', 24).notNullable()
        table.text('description').notNullable()
        // repair | replacement: the consumer's choice (G-03)
        table.string('preferred_remedy', 16).notNullable()
        // The remedy under way once accepted (the consumer's, or the other one after a refusal).
        table.string('accepted_remedy', 16).nullable()
        // A refusal: why (L217-12: in writing) and what is offered instead.
        table.string('refusal_reason', 1000).nullable()
        // repair | replacement | price_reduction | refund
        table.string('alternative', 16).nullable()
        // What the claim ended with when resolved (same values as alternative).
        table.string('resolution', 16).nullable()
        table.string('closing_note', 1000).nullable()
        // Paris day of the request; the remedy is due 30 days later (G-03).
        table.date('requested_on').notNullable()
        table.date('due_on').notNullable()
        // Reported within the presumption period (G-02) of every unit claimed.
        table.boolean('presumed').notNullable()
        // Paris day the claim was resolved or closed.
        table.date('settled_on').nullable()
        table.timestamp('created_at').notNullable()
        table.timestamp('updated_at').notNullable()
        table.index(['status', 'due_on'])
        table.index(['order_id'])
      })
    }
    if (!(await this.db.schema.hasTable('guarantee_claim_lines'))) {
      this.schema.createTable('guarantee_claim_lines', (table) => {
        table.increments('id')
        table
          .integer('guarantee_claim_id')
          .unsigned()
          .notNullable()
          .references('id')
          .inTable('guarantee_claims')
          .onDelete('CASCADE')
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
        table.integer('quantity').unsigned().notNullable()
        // The parcel's delivery day as the claim was made: its guarantee runs from it (G-01).
        table.date('delivered_on').notNullable()
        // Named: the default name is longer than MariaDB's 64 characters.
        table.unique(['guarantee_claim_id', 'shipment_id', 'order_line_id'], {
          indexName: 'guarantee_claim_lines_unit_unique',
        })
      })
    }
  }

  async down() {
    this.schema.dropTableIfExists('guarantee_claim_lines')
    this.schema.dropTableIfExists('guarantee_claims')
  }
}
