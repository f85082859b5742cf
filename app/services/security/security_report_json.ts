import {
  CORE_PACKAGE,
  type Remedy,
  type Severity,
  isAtLeast,
  openAdvisories,
} from '#domain/security_advisories'
import type { NpmAuditResult } from '#services/security/npm_audit'
import type { SecurityReport } from '#services/security/security_audit'

/** What to do about an open advisory, in one line (CLI and JSON). */
export function remedyText(remedy: Remedy | null) {
  if (!remedy) return null
  const steps = [
    remedy.hotfix &&
      `apply hot-fix ${remedy.hotfix} with \`node ace patch:apply ${remedy.hotfix}\``,
    remedy.upgradeTo && `upgrade to version ${remedy.upgradeTo}`,
  ].filter(Boolean)
  return steps.length ? steps.join(', or ') : 'no fix published yet: watch the feed'
}

/**
 * `security:audit --json`: the feed, each component with the advisories that
 * concern it, the open counts and whether the audit passed at the threshold.
 */
export function securityReportJson(
  report: SecurityReport,
  threshold: Severity,
  npm: NpmAuditResult | null
) {
  const open = openAdvisories(report.components)
  const npmFindings = npm?.status === 'ok' ? npm.findings : []
  const atOrAboveThreshold =
    open.filter((entry) => isAtLeast(entry.advisory.severity, threshold)).length +
    npmFindings.filter((finding) => isAtLeast(finding.severity, threshold)).length
  return {
    threshold,
    passed: report.hasFeed && atOrAboveThreshold === 0,
    feed: report.feed && {
      source: report.feed.source,
      verifiedAt: report.feed.verifiedAt?.toISO() ?? null,
      generatedAt: report.feed.generatedAt?.toISO() ?? null,
      signedBy: report.feed.signedBy,
      lastError: report.feed.lastError,
      lastErrorAt: report.feed.lastErrorAt?.toISO() ?? null,
    },
    components: report.components.map((component) => ({
      name: component.name,
      kind: component.name === CORE_PACKAGE ? 'core' : 'plugin',
      version: component.version,
      advisories: component.advisories.map((entry) => ({
        id: entry.advisory.id,
        severity: entry.advisory.severity,
        cvss: entry.advisory.cvss,
        state: entry.state,
        affected: entry.advisory.affected,
        fixed: entry.advisory.fixed,
        published: entry.advisory.published,
        dueDate: entry.dueDate,
        hotfix: entry.advisory.hotfix ?? null,
        summary: entry.advisory.summary,
        remedy: entry.remedy,
        todo: remedyText(entry.remedy),
      })),
    })),
    open: { total: open.length + npmFindings.length, atOrAboveThreshold },
    npm,
  }
}
