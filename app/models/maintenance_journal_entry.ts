import { MaintenanceJournalSchema } from '#database/schema'

export type JournalKind = 'migration' | 'patch'
/**
 * `uninstalled`: a patch forgotten with its plugin's data; `superseded`: a
 * patch the installed version no longer needs; `skipped`: a patch that does
 * not concern the installed version.
 */
export type JournalOutcome =
  'applied' | 'reverted' | 'failed' | 'uninstalled' | 'superseded' | 'skipped'

/**
 * One plugin migration run or patch application, core and plugins alike.
 * Entries are only ever appended: the current state of an item is its latest
 * entry.
 */
export default class MaintenanceJournalEntry extends MaintenanceJournalSchema {
  static table = 'maintenance_journal'
}
