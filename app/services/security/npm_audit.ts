import { execFile } from 'node:child_process'
import type { Severity } from '#domain/security_advisories'

/** A package with an advisory of its own (not one that is vulnerable only through it). */
export interface NpmFinding {
  package: string
  severity: Severity
  /** Its advisories: "title (url)". */
  advisories: string[]
  /** The packages that depend on it, vulnerable through it. */
  effects: string[]
  fixAvailable: boolean
}

export type NpmAuditResult =
  { status: 'ok'; findings: NpmFinding[] } | { status: 'skipped'; reason: string }

/** npm says "moderate" and "info"; the feed says "medium" and "low". */
const SEVERITY: Record<string, Severity> = {
  info: 'low',
  low: 'low',
  moderate: 'medium',
  high: 'high',
  critical: 'critical',
}

/**
 * `npm audit` of the shop's production dependencies, time-limited. The npm
 * registry being unreachable (offline, a proxy) is not the shop's fault: the
 * audit is then skipped with the reason, never failed.
 */
export function npmAudit(cwd: string, timeoutMs: number): Promise<NpmAuditResult> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['audit', '--json', '--omit=dev'],
      { cwd, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout) => {
        // npm audit exits 1 when it finds something: the JSON says what.
        if (error && (error as { killed?: boolean }).killed) {
          return resolve({ status: 'skipped', reason: `no answer within ${timeoutMs} ms` })
        }
        resolve(parseNpmAudit(stdout, error?.message))
      }
    )
  })
}

/** Reads `npm audit --json` (npm 7 and later). */
export function parseNpmAudit(stdout: string, failure?: string): NpmAuditResult {
  let report: {
    message?: string
    error?: { summary?: string; code?: string }
    vulnerabilities?: Record<string, NpmVulnerability>
  }
  try {
    report = JSON.parse(stdout)
  } catch {
    return { status: 'skipped', reason: failure?.split('\n')[0] ?? 'npm printed no report' }
  }
  if (report.error || !report.vulnerabilities) {
    const reason =
      report.error?.summary?.split('\n')[0] || report.message || 'npm printed no report'
    return {
      status: 'skipped',
      reason: report.error?.code ? `${reason} (${report.error.code})` : reason,
    }
  }
  // Counted once, where the advisory is: its dependents are listed as its effects.
  const findings = Object.values(report.vulnerabilities).flatMap((vulnerability) => {
    const advisories = (vulnerability.via ?? []).flatMap((via) =>
      typeof via === 'string' ? [] : [via.url ? `${via.title} (${via.url})` : String(via.title)]
    )
    if (!advisories.length) return []
    return [
      {
        package: vulnerability.name,
        severity: SEVERITY[vulnerability.severity] ?? 'low',
        advisories,
        effects: vulnerability.effects ?? [],
        fixAvailable: Boolean(vulnerability.fixAvailable),
      },
    ]
  })
  return { status: 'ok', findings: findings.sort((a, b) => a.package.localeCompare(b.package)) }
}

interface NpmVulnerability {
  name: string
  severity: string
  via?: (string | { title?: string; url?: string })[]
  effects?: string[]
  fixAvailable?: unknown
}
