import { MaintenanceJournalSchema } from '#database/schema'

export type JournalKind = 'migration' | 'patch'
export type JournalOutcome = 'applied' | 'reverted' | 'failed'

/**
 * One plugin migration run or patch application, core and plugins alike.
 * Entries are only ever appended: the current state of an item is its latest
 * entry.
 */
export default class MaintenanceJournalEntry extends MaintenanceJournalSchema {
  static table = 'maintenance_journal'
}
