import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * File integrity (security:baseline / security:verify): the SHA-256 of every
 * file each component runs, one manifest row per component (the core, each
 * installed plugin), and the result of each verification for the Security
 * page and the PCI-DSS evidence.
 */
export default class extends BaseSchema {
  async up() {
    if (!(await this.schema.hasTable('integrity_baselines'))) {
      this.schema.createTable('integrity_baselines', (table) => {
        // "comptoir" for the core, else the plugin's name.
        table.string('component', 214).primary()
        table.string('version', 64).notNullable()
        // { "app/models/order.ts": "<sha-256 hex>", … }
        table.text('files', 'longtext').notNullable()
        table.integer('file_count').unsigned().notNullable()
        table.timestamp('recorded_at').notNullable()
        table.string('recorded_by', 255).notNullable()
      })
    }
    if (!(await this.schema.hasTable('integrity_checks'))) {
      this.schema.createTable('integrity_checks', (table) => {
        table.increments('id')
        table.timestamp('checked_at').notNullable().index()
        // ok | changed | no_baseline
        table.string('status', 20).notNullable()
        table.integer('files_checked').unsigned().notNullable()
        table.integer('duration_ms').unsigned().notNullable()
        // [{ component, path, change: changed | added | removed }]
        table.text('changes', 'longtext').notNullable()
        // Installed components that have no baseline yet.
        table.text('unbaselined', 'longtext').notNullable()
        table.string('checked_by', 255).notNullable()
      })
    }
  }

  async down() {
    this.schema.dropTableIfExists('integrity_checks')
    this.schema.dropTableIfExists('integrity_baselines')
  }
}
