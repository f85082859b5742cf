import semver from 'semver'

/**
 * Security advisories about the core and the plugins, as the signed feed lists
 * them, and the rules `security:audit`, the Security page and the dashboard
 * apply to them. Pure: the caller gives the installed versions and which
 * hot-fix patches the maintenance journal records as applied.
 */

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]

/** The package name advisories about the core use (the root package.json's name). */
export const CORE_PACKAGE = 'comptoir'

/** GitHub Security Advisory identifiers: GHSA-xxxx-xxxx-xxxx. */
export const ADVISORY_ID = /^GHSA(-[0-9a-z]{4}){3}$/

/** A patch reference, as `patch:apply` takes it: "owner/id". */
export const PATCH_REFERENCE = /^[a-z0-9@][a-z0-9._-]*\/[A-Za-z0-9._-]+$/

/**
 * PCI-DSS v4 requirement 6.3.3: critical and high security patches are
 * installed within one month of their release. Medium and low are left to the
 * merchant's own risk ranking, so they get no due date here.
 */
export const PCI_PATCH_DAYS = 30

export interface Advisory {
  id: string
  /** `comptoir` for the core, or a plugin's name. */
  package: string
  /** Semver range of the affected versions. */
  affected: string
  /** The versions that fix it (one per maintained line). */
  fixed: string[]
  severity: Severity
  /** CVSS base score, 0 to 10. */
  cvss: number
  summary: { fr: string; en: string }
  /** Calendar day, "2026-11-20". */
  published: string
  /** A patch ("owner/id") that fixes it without an upgrade. */
  hotfix?: string
}

export interface AdvisoryFeed {
  /** When the feed was generated (ISO 8601): an older feed never replaces a newer one. */
  generated: string
  advisories: Advisory[]
}

/**
 * - `unpatched`: the installed version is affected and nothing fixed it (open);
 * - `hot-fixed`: affected, but its hot-fix patch is applied;
 * - `fixed by upgrade`: the installed version is outside the range and at or
 *   above one of the fixed versions (the shop moved past the fix);
 * - null: never affected (below the range, or on a line the advisory does not
 *   concern): the advisory is not listed for that component.
 */
export type AdvisoryState = 'unpatched' | 'hot-fixed' | 'fixed by upgrade'

export function advisoryState(
  advisory: Pick<Advisory, 'affected' | 'fixed' | 'hotfix'>,
  installedVersion: string,
  hotfixApplied: boolean
): AdvisoryState | null {
  const version = normalizedVersion(installedVersion)
  if (!version) return null
  if (affects(advisory.affected, version)) return hotfixApplied ? 'hot-fixed' : 'unpatched'
  const pastAFix = advisory.fixed.some((fixed) => semver.gte(version, fixed))
  return pastAFix ? 'fixed by upgrade' : null
}

/** A version as semver compares it ("1.2" → "1.2.0"), or null. */
export function normalizedVersion(version: string) {
  return semver.valid(version) ?? semver.valid(semver.coerce(version, { includePrerelease: true }))
}

/** Whether a version is in an advisory's affected range (pre-releases included). */
export function affects(range: string, version: string) {
  return semver.satisfies(version, range, { includePrerelease: true })
}

/** The lowest fixed version above the installed one that the advisory no longer affects. */
export function upgradeTarget(
  advisory: Pick<Advisory, 'affected' | 'fixed'>,
  installedVersion: string
): string | null {
  const version = normalizedVersion(installedVersion)
  if (!version) return null
  const candidates = advisory.fixed
    .filter((fixed) => semver.gt(fixed, version) && !affects(advisory.affected, fixed))
    .sort(semver.compare)
  return candidates[0] ?? null
}

/** The PCI-DSS due date of an advisory (6.3.3), or null for medium and low. */
export function pciDueDate(advisory: Pick<Advisory, 'severity' | 'published'>): string | null {
  if (!isAtLeast(advisory.severity, 'high')) return null
  const published = Date.parse(`${advisory.published}T00:00:00Z`)
  return new Date(published + PCI_PATCH_DAYS * 86_400_000).toISOString().slice(0, 10)
}

export function isAtLeast(severity: Severity, threshold: Severity) {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold)
}

export function isSeverity(value: unknown): value is Severity {
  return SEVERITIES.includes(value as Severity)
}

/** Whether a string is an existing calendar day written "YYYY-MM-DD". */
export function isCalendarDay(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const parsed = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value)
}

export interface InstalledComponent {
  /** `comptoir` or the plugin's name. */
  name: string
  version: string
}

/**
 * What the merchant can do about an open advisory: apply its hot-fix patch
 * (quickest), upgrade to the lowest fixed version, or both; neither means no
 * fix is published yet.
 */
export interface Remedy {
  hotfix: string | null
  upgradeTo: string | null
}

export interface AuditedAdvisory {
  advisory: Advisory
  component: string
  installedVersion: string
  state: AdvisoryState
  dueDate: string | null
  /** Null unless the advisory is open. */
  remedy: Remedy | null
}

export interface ComponentAudit extends InstalledComponent {
  advisories: AuditedAdvisory[]
}

/**
 * Each installed component with the advisories that concern it, open ones
 * first, most severe first. `appliedPatches` holds the "owner/id" references
 * the journal records as applied.
 */
export function auditComponents(
  components: InstalledComponent[],
  advisories: Advisory[],
  appliedPatches: ReadonlySet<string>
): ComponentAudit[] {
  return components.map((component) => ({
    ...component,
    advisories: advisories
      .filter((advisory) => advisory.package === component.name)
      .flatMap((advisory) => {
        const applied = advisory.hotfix ? appliedPatches.has(advisory.hotfix) : false
        const state = advisoryState(advisory, component.version, applied)
        if (!state) return []
        return [
          {
            advisory,
            component: component.name,
            installedVersion: component.version,
            state,
            dueDate: pciDueDate(advisory),
            remedy: state === 'unpatched' ? remedyFor(advisory, component.version) : null,
          },
        ]
      })
      .sort(byUrgency),
  }))
}

function remedyFor(advisory: Advisory, installedVersion: string): Remedy {
  return {
    hotfix: advisory.hotfix ?? null,
    upgradeTo: upgradeTarget(advisory, installedVersion),
  }
}

function byUrgency(a: AuditedAdvisory, b: AuditedAdvisory) {
  const open = Number(b.state === 'unpatched') - Number(a.state === 'unpatched')
  if (open) return open
  const severity = SEVERITIES.indexOf(b.advisory.severity) - SEVERITIES.indexOf(a.advisory.severity)
  return severity || a.advisory.published.localeCompare(b.advisory.published)
}

/** Open advisories at or above a severity, across components, most severe first. */
export function openAdvisories(audit: ComponentAudit[], threshold: Severity = 'low') {
  return audit
    .flatMap((component) => component.advisories)
    .filter((entry) => entry.state === 'unpatched' && isAtLeast(entry.advisory.severity, threshold))
    .sort(byUrgency)
}
