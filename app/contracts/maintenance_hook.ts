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
  /**
   * The security advisory it fixes (GHSA id, as the advisory feed lists it):
   * the feed's `hotfix` points back at this patch as "owner/id".
   */
  readonly advisory?: string
  /**
   * The component the patch fixes, as the advisory feed names it: `comptoir`
   * for the core or a plugin's name. Defaults to the patch's owner (the core
   * for `database/patches/`, the plugin for its `patches/`); a hot-fix plugin
   * such as `security-hotfixes` names the component it fixes.
   */
  readonly package?: string
  /**
   * Semver range of the versions of `package` the patch fixes. The patch runs
   * only on an installed version in the range. Past the range (an upgrade
   * brought the fix) it is recorded **superseded**, never runs, and its
   * guards stop; below it, or with `package` not installed, it is skipped
   * (recorded, and looked at again after the next upgrade). Without
   * `affects` the patch applies to every version.
   */
  readonly affects?: string
  apply(context: PatchContext): Promise<void>
  /**
   * Undoes the data change of `apply`, for `patch:revert` (same transaction
   * rules). A patch without data change needs none: reverting it only stops
   * its guards.
   */
  revert?(context: PatchContext): Promise<void>
}

/** Declares a patch, typed. */
export function definePatch(patch: Patch): Patch {
  return patch
}

/**
 * What a request guard sees of a request. Guards run before routing, body
 * parsing, sessions and CSRF, on every request: the body is not read yet.
 */
export interface GuardedRequest {
  /** Upper case: GET, POST… */
  readonly method: string
  /** The path, without query string ("/en/search"). */
  readonly path: string
  /** The query string as received, without "?" (not decoded). */
  readonly queryString: string
  /** The parsed query string (repeated keys as arrays). */
  readonly query: Record<string, unknown>
  /** A request header (lower-case name), or undefined. */
  header(name: string): string | undefined
}

/**
 * A request filter a hot-fix ships: it blocks the requests an exploit needs
 * before any route runs. The kernel checks it on every request while its
 * patch is in effect (applied, not reverted, not superseded), and drops it
 * once the installed version contains the fix.
 */
export interface RequestGuard {
  /** Stable identifier, unique within the plugin, logged with each block. */
  readonly id: string
  /** The patch ("owner/id") that switches this guard on and off. */
  readonly patch: string
  /**
   * Whether the request carries the exploit pattern. Synchronous and cheap:
   * it runs on every request, static files included. A throw counts as no
   * match (logged): a faulty guard never closes the shop.
   */
  matches(request: GuardedRequest): boolean
  /** The answer to a blocked request, as plain text. */
  readonly respond: { status: 400 | 403 | 404 | 413 | 414 | 422; message: string }
}

/**
 * Maintenance work a plugin ships besides its patches: a health check the
 * admin shows and monitoring can poll, and the request guards of its
 * hot-fixes.
 */
export abstract class MaintenanceHook {
  /** Stable identifier, unique within the plugin. */
  abstract readonly code: string

  abstract health(): Promise<HealthReport>

  /**
   * Request guards of hot-fixes, each tied to its patch. Read when the plugin
   * is loaded; a guard filters requests only while its patch is in effect
   * and the plugin is enabled.
   */
  guards(): RequestGuard[] {
    return []
  }
}
