import { createHash } from 'node:crypto'

/**
 * Legal documents the merchant writes and publishes in numbered, immutable
 * versions: the CGV (P-10), the mentions légales (M-01), the privacy policy
 * the withdrawal policy (W-21, WF-07) and the accessibility
 * information (M-04). Only the CGV gate orders. The storefront page of each
 * kind is declared in app/support/legal_pages.ts.
 */
export const LEGAL_DOCUMENT_KINDS = [
  'terms',
  'legal_notice',
  'privacy',
  'withdrawal_policy',
  'accessibility',
] as const
export type LegalDocumentKind = (typeof LEGAL_DOCUMENT_KINDS)[number]

export function isLegalDocumentKind(value: unknown): value is LegalDocumentKind {
  return LEGAL_DOCUMENT_KINDS.includes(value as LegalDocumentKind)
}

/**
 * Longest body accepted per language, in characters: far above any real CGV,
 * well under MariaDB's MEDIUMTEXT.
 */
export const MAX_BODY_LENGTH = 200_000

/**
 * How far ahead a version may be scheduled.
 */
export const MAX_SCHEDULE_DAYS = 366

/**
 * The form a body is stored in, so the same text always hashes the same:
 * Unicode NFC, LF line endings (browsers send CRLF), no trailing spaces at
 * line ends, one final newline.
 */
export function normalizeBody(body: string): string {
  const lines = body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
  const text = lines.join('\n').replace(/^\n+/, '').replace(/\n+$/, '')
  return text ? `${text}\n` : ''
}

export interface VersionContent {
  kind: string
  version: number
  bodyFr: string
  bodyEn: string
  effectiveAt: Date
}

/**
 * The exact bytes the checksum covers: a JSON array in a fixed order, tagged
 * with the format's name, the effective instant in UTC to the second (what
 * both databases store). Changing this format changes every checksum: add a
 * new tag rather than editing this one.
 */
export function canonicalSerialisation(content: VersionContent): string {
  const seconds = Math.floor(content.effectiveAt.getTime() / 1000) * 1000
  return JSON.stringify([
    'comptoir.legal_document.v1',
    content.kind,
    content.version,
    new Date(seconds).toISOString(),
    normalizeBody(content.bodyFr),
    normalizeBody(content.bodyEn),
  ])
}

/**
 * SHA-256 of the canonical serialisation, in lowercase hex.
 */
export function versionChecksum(content: VersionContent): string {
  return createHash('sha256').update(canonicalSerialisation(content), 'utf8').digest('hex')
}

/**
 * SHA-256 of a draft's two bodies, so publishing can tell the draft it shows
 * from one someone changed in between.
 */
export function draftChecksum(bodyFr: string, bodyEn: string): string {
  return createHash('sha256')
    .update(JSON.stringify([normalizeBody(bodyFr), normalizeBody(bodyEn)]), 'utf8')
    .digest('hex')
}

/**
 * A checksum as people compare it: groups of 8 hex digits, which also lets
 * a narrow page wrap it.
 */
export function formatChecksum(checksum: string): string {
  return checksum.replace(/(.{8})(?=.)/g, '$1 ')
}

export type EffectiveDateProblem = 'in_past' | 'before_scheduled' | 'too_far'

/**
 * When a new version takes effect. No date means now. A date in the past is
 * refused, except within the minute just gone (a date-time field has no
 * seconds, so "now" typed in a form is already a little in the past). Dates
 * never go backwards from one version to the next, so the latest version in
 * effect is also the highest-numbered one.
 */
export function resolveEffectiveAt(
  requested: Date | null,
  now: Date,
  latestEffectiveAt: Date | null
): { at: Date } | { problem: EffectiveDateProblem } {
  let at = requested ?? now
  if (at.getTime() < now.getTime()) {
    if (now.getTime() - at.getTime() > 60_000) return { problem: 'in_past' }
    at = now
  }
  if (at.getTime() - now.getTime() > MAX_SCHEDULE_DAYS * 86_400_000) return { problem: 'too_far' }
  if (latestEffectiveAt && at.getTime() < latestEffectiveAt.getTime()) {
    return { problem: 'before_scheduled' }
  }
  // Stored to the second: drop the milliseconds now so the checksum matches the row.
  return { at: new Date(Math.floor(at.getTime() / 1000) * 1000) }
}
