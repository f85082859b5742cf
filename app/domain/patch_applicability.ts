import semver from 'semver'
import { ADVISORY_ID, affects, normalizedVersion } from '#domain/security_advisories'

/**
 * Whether a patch should run on the shop, and its state from the maintenance
 * journal. Pure: the caller gives the installed version of the component the
 * patch fixes and the journal entries of the patch.
 */

/**
 * - `affected`: the patch has no `affects` range, or the installed version is
 *   in it: it may run;
 * - `superseded`: the installed version is past the range (an upgrade brought
 *   the fix): it never runs, and an applied one stops;
 * - `not_affected`: the component is not installed, or is below the range
 *   (the flaw is not there yet); a later upgrade may make it affected.
 */
export type Applicability = 'affected' | 'not_affected' | 'superseded'

export function patchApplicability(
  range: string | undefined,
  installedVersion: string | null
): Applicability {
  if (range === undefined) return 'affected'
  const version = installedVersion === null ? null : normalizedVersion(installedVersion)
  if (!version) return 'not_affected'
  if (affects(range, version)) return 'affected'
  // Above the lowest affected version but out of the range: past the fix.
  const lowest = semver.minVersion(range)
  return lowest && semver.gt(version, lowest) ? 'superseded' : 'not_affected'
}

/** What is wrong with a patch's `advisory` and `affects`, or null. */
export function patchDeclarationError(patch: { advisory?: string; affects?: string }) {
  if (patch.advisory !== undefined && !ADVISORY_ID.test(patch.advisory)) {
    return `advisory "${patch.advisory}" is not a GHSA id (GHSA-xxxx-xxxx-xxxx)`
  }
  if (patch.affects !== undefined && semver.validRange(patch.affects) === null) {
    return `affects "${patch.affects}" is not a semver range`
  }
  return null
}

export type PatchJournalOutcome =
  'applied' | 'reverted' | 'uninstalled' | 'superseded' | 'skipped' | 'failed'

export interface PatchJournalEntry {
  outcome: PatchJournalOutcome | string
  checksum: string | null
  error: string | null
}

/**
 * - `pending`: to apply; `failed`: its last run failed, still to apply;
 * - `applied`, or `changed` when its file changed since: active (guards on);
 * - `reverted`: undone with `patch:revert`; only an explicit `patch:apply`
 *   runs it again;
 * - `superseded`: the installed version contains the fix; never runs again
 *   unless an affected version is installed again;
 * - `not_affected`: nothing to fix on the installed version.
 */
export type PatchState =
  'pending' | 'applied' | 'changed' | 'failed' | 'reverted' | 'superseded' | 'not_affected'

/** Outcomes that change whether a patch is in effect. */
const DECISIVE = new Set(['applied', 'reverted', 'uninstalled', 'superseded'])

/**
 * A patch's state from its journal entries (oldest first), the checksum of its
 * file now and its applicability now. `journaled` says whether the journal
 * already records that state, so the runner records a supersede or a skip
 * once.
 */
export function patchState(
  entries: PatchJournalEntry[],
  checksum: string | null,
  applicability: Applicability
): { state: PatchState; error: string | null; journaled: boolean } {
  const decisive = entries.filter((entry) => DECISIVE.has(entry.outcome)).at(-1)
  const last = entries.at(-1)
  // Recorded superseded stays so until an affected version is back (a
  // downgrade, a reinstall of the flawed version): then it is to apply again.
  if (decisive?.outcome === 'superseded' && applicability !== 'affected')
    return { state: 'superseded', error: null, journaled: true }
  if (applicability === 'superseded') return { state: 'superseded', error: null, journaled: false }
  if (decisive?.outcome === 'applied') {
    const state = checksum !== null && decisive.checksum !== checksum ? 'changed' : 'applied'
    return { state, error: null, journaled: true }
  }
  if (decisive?.outcome === 'reverted') return { state: 'reverted', error: null, journaled: true }
  if (applicability === 'not_affected') {
    return { state: 'not_affected', error: null, journaled: last?.outcome === 'skipped' }
  }
  if (last?.outcome === 'failed') return { state: 'failed', error: last.error, journaled: true }
  return { state: 'pending', error: null, journaled: true }
}

/** Whether a patch is in effect: its guards filter requests only then. */
export function isInEffect(state: PatchState) {
  return state === 'applied' || state === 'changed'
}
