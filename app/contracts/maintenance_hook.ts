/**
 * The outcome of a health check, shown on the admin Plugins page.
 */
export type HealthReport =
  { status: 'ok'; detail?: string } | { status: 'degraded' | 'failing'; detail: string }

export type PatchSeverity = 'low' | 'medium' | 'high' | 'critical'

/**
 * What a patch receives: a transaction on the shop database, so a patch that
 * fails half-way changes nothing (data patches only: schema changes belong in
 * migrations), and a logger.
 */
export interface PatchContext {
  /** The Lucid transaction client. */
  readonly db: import('@adonisjs/lucid/types/database').TransactionClientContract
  readonly log: (message: string) => void
}

/**
 * A one-off data or security fix shipped by the core (`database/patches/`) or
 * by a plugin (`patches/`). Each file's default export is one patch; files run
 * in name order, each once: the journal records its checksum, who applied it,
 * when and the outcome.
 */
export interface Patch {
  /** What it fixes, in a sentence, for the merchant and an assessor. */
  readonly description: string
  readonly severity: PatchSeverity
  apply(context: PatchContext): Promise<void>
}

/** Declares a patch, typed. */
export function definePatch(patch: Patch): Patch {
  return patch
}

/**
 * Maintenance work a plugin ships besides its patches: a health check the
 * admin shows and monitoring can poll.
 */
export abstract class MaintenanceHook {
  /** Stable identifier, unique within the plugin. */
  abstract readonly code: string

  abstract health(): Promise<HealthReport>
}
