import { pathToFileURL } from 'node:url'
import db from '@adonisjs/lucid/services/db'
import type { BaseSchema } from '@adonisjs/lucid/schema'
import type MaintenanceJournal from '#plugin_kernel/maintenance_journal'
import { fileChecksum } from '#plugin_kernel/maintenance_journal'
import type PluginDirectory from '#plugin_kernel/plugin_directory'
import { type PluginPackage, tablePrefix } from '#plugin_kernel/plugin_package'

type MigrationFile = { id: string; path: string }

/**
 * Runs one plugin's migrations, and only its own, recording each run in the
 * maintenance journal (Lucid's migrator reads its paths from the connection
 * config, shared by the whole app; this one takes a plugin).
 *
 * A batch is all-or-nothing on both databases. SQLite rolls a failed
 * migration's DDL back with its transaction, but MariaDB commits DDL as it
 * goes, so on failure the migrations already run are undone by their `down()`
 * in reverse order, starting with the failed one's (whatever part of it ran).
 */
export default class PluginMigrator {
  constructor(
    protected directory: PluginDirectory,
    protected journal: MaintenanceJournal
  ) {}

  async pending(pkg: PluginPackage): Promise<MigrationFile[]> {
    const [applied, files] = await this.journalAndFiles(pkg)
    return files.filter((file) => !applied.has(file.id))
  }

  async applied(pkg: PluginPackage): Promise<MigrationFile[]> {
    const [applied, files] = await this.journalAndFiles(pkg)
    return files.filter((file) => applied.has(file.id))
  }

  private journalAndFiles(pkg: PluginPackage) {
    return Promise.all([
      this.journal.applied('migration', pkg.name),
      this.directory.migrationFiles(pkg.folder),
    ])
  }

  /** Runs the pending migrations; returns their ids. */
  async migrate(pkg: PluginPackage, actor: string) {
    const done: MigrationFile[] = []
    for (const file of await this.pending(pkg)) {
      try {
        await this.execute(file, 'up')
      } catch (error) {
        await this.journal.record(await this.entry(pkg, file, actor, 'failed', error))
        await this.undo([file, ...done.toReversed()], 'down', pkg, actor)
        throw error
      }
      await this.journal.record(await this.entry(pkg, file, actor, 'applied'))
      done.push(file)
    }
    return done.map((file) => file.id)
  }

  /** Rolls back every applied migration of the plugin, newest first. */
  async rollback(pkg: PluginPackage, actor: string) {
    const done: MigrationFile[] = []
    const applied = await this.applied(pkg)
    for (const file of applied.toReversed()) {
      try {
        await this.execute(file, 'down')
      } catch (error) {
        await this.journal.record(await this.entry(pkg, file, actor, 'failed', error))
        await this.undo([file, ...done.toReversed()], 'up', pkg, actor)
        throw error
      }
      await this.journal.record(await this.entry(pkg, file, actor, 'reverted'))
      done.push(file)
    }
    return done.map((file) => file.id)
  }

  /** Undoes migrations already run by `migrate` (or `rollback`), for compensation. */
  async revert(pkg: PluginPackage, ids: string[], actor: string) {
    const all = await this.directory.migrationFiles(pkg.folder)
    const files = all.filter((file) => ids.includes(file.id))
    for (const file of files.toReversed()) {
      await this.execute(file, 'down')
      await this.journal.record(await this.entry(pkg, file, actor, 'reverted'))
    }
  }

  /** The plugin's tables present in the database, by its name prefix. */
  async tables(pkg: PluginPackage): Promise<string[]> {
    const prefix = tablePrefix(pkg.name)
    const tables: string[] = await db.connection().getAllTables()
    return tables.filter((table) => table.startsWith(prefix)).sort()
  }

  /**
   * Compensation. Where DDL is transactional (SQLite) the failed file was
   * rolled back with its transaction and is left alone; on MySQL/MariaDB part
   * of it may be committed, so its reverse step runs and may meet a half-done
   * state (its error is expected). The files that completed must reverse
   * cleanly.
   */
  private async undo(
    files: MigrationFile[],
    direction: 'up' | 'down',
    pkg: PluginPackage,
    actor: string
  ) {
    const [failed, ...completed] = files
    if (db.connection().dialect.name === 'mysql') {
      await this.execute(failed, direction).catch(() => undefined)
    }
    for (const file of completed) {
      await this.execute(file, direction)
      await this.journal.record(
        await this.entry(pkg, file, actor, direction === 'down' ? 'reverted' : 'applied')
      )
    }
  }

  private async execute(file: MigrationFile, direction: 'up' | 'down') {
    const { default: Migration } = (await import(pathToFileURL(file.path).href)) as {
      default: new (...args: ConstructorParameters<typeof BaseSchema>) => BaseSchema
    }
    await db.transaction(async (trx) => {
      const migration = new Migration(trx, file.path, false)
      await (direction === 'up' ? migration.execUp() : migration.execDown())
    })
  }

  private async entry(
    pkg: PluginPackage,
    file: MigrationFile,
    actor: string,
    outcome: 'applied' | 'reverted' | 'failed',
    error?: unknown
  ) {
    return {
      kind: 'migration' as const,
      owner: pkg.name,
      item: file.id,
      checksum: await fileChecksum(file.path),
      outcome,
      error: error === undefined ? null : error instanceof Error ? error.message : String(error),
      actor,
    }
  }
}
