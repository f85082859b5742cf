import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import MaintenanceJournalEntry, {
  type JournalKind,
  type JournalOutcome,
} from '#models/maintenance_journal_entry'

/** The owner of core patches in the journal; plugins are recorded by name. */
export const CORE_OWNER = 'core'

export interface JournalRecord {
  kind: JournalKind
  owner: string
  item: string
  checksum: string | null
  outcome: JournalOutcome
  error?: string | null
  /** "cli:<user>", "admin:<email>" or "system". */
  actor: string
}

/**
 * The append-only record of plugin migrations and patches.
 */
export default class MaintenanceJournal {
  async record(entry: JournalRecord, client?: QueryClientContract) {
    await MaintenanceJournalEntry.create({ ...entry, error: entry.error ?? null }, { client })
  }

  /**
   * Items whose latest entry says they are applied, with the checksum they
   * were applied with.
   */
  async applied(kind: JournalKind, owner: string): Promise<Map<string, string | null>> {
    // Failures and skips leave an item as it was; anything else ends "applied".
    const entries = await MaintenanceJournalEntry.query()
      .where({ kind, owner })
      .whereNotIn('outcome', ['failed', 'skipped'])
      .orderBy('id')
    const applied = new Map<string, string | null>()
    for (const entry of entries) {
      if (entry.outcome === 'applied') applied.set(entry.item, entry.checksum)
      else applied.delete(entry.item)
    }
    return applied
  }

  /** Every entry of an owner's items of one kind, oldest first, by item. */
  async entriesByItem(kind: JournalKind, owner: string) {
    const entries = await MaintenanceJournalEntry.query().where({ kind, owner }).orderBy('id')
    const byItem = new Map<string, MaintenanceJournalEntry[]>()
    for (const entry of entries) {
      byItem.set(entry.item, [...(byItem.get(entry.item) ?? []), entry])
    }
    return byItem
  }

  /**
   * The id of the latest entry: it changes whenever anything is recorded, so
   * a process compares it to notice what another one applied or reverted.
   */
  async version(): Promise<number> {
    const row = await MaintenanceJournalEntry.query().max('id as version').first()
    return Number(row?.$extras.version ?? 0)
  }

  /** The latest entries first, for the admin and `patch:status`. */
  async history(options: { kind?: JournalKind; owner?: string; item?: string; limit: number }) {
    const query = MaintenanceJournalEntry.query().orderBy('id', 'desc').limit(options.limit)
    if (options.kind) query.where('kind', options.kind)
    if (options.owner) query.where('owner', options.owner)
    if (options.item) query.where('item', options.item)
    return query
  }
}

/** SHA-256 of a file, to notice a patch or migration changed after it ran. */
export async function fileChecksum(path: string) {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
}
