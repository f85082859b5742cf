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
    const entries = await MaintenanceJournalEntry.query()
      .where({ kind, owner })
      .whereIn('outcome', ['applied', 'reverted'])
      .orderBy('id')
    const applied = new Map<string, string | null>()
    for (const entry of entries) {
      if (entry.outcome === 'applied') applied.set(entry.item, entry.checksum)
      else applied.delete(entry.item)
    }
    return applied
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
