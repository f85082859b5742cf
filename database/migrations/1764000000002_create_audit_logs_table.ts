import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'audit_logs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      /**
       * The actor's email is copied so the trail survives the deletion of the account.
       */
      table
        .integer('admin_user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('admin_users')
        .onDelete('SET NULL')
      table.string('actor_email', 254).nullable()
      table.string('action', 64).notNullable()
      table.string('entity_type', 64).notNullable()
      table.string('entity_id', 64).nullable()
      table.text('changes').nullable()
      table.string('ip', 45).nullable()
      table.timestamp('created_at').notNullable()

      table.index(['entity_type', 'entity_id'])
      table.index(['created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
