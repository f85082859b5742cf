import { addDays, addMonths } from '@comptoir/contracts/french_calendar'

/**
 * How long personal data and legal documents are kept, and when a data
 * subject's request must be answered (LEGAL.md, I-06, P-09), on
 * Paris calendar days ("2026-03-02"): callers convert instants first (§0).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(date: string) {
  const match = ISO_DATE.exec(date)
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`)
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12)
}

/** one month to answer, two more when the request is complex. */
export const REQUEST_ANSWER_MONTHS = 1
export const REQUEST_EXTENSION_MONTHS = 2

export interface RequestDeadlines {
  /** The last day to answer. */
  dueOn: string
  /** The last day when the answer is extended (GDPR art. 12(3)). */
  extendedDueOn: string
}

/**
 * When a data subject's request (access, erasure…) received on `receivedOn`
 * must be answered. The plain date is the due date, never moved off a weekend
 * or a holiday: answering earlier is always compliant (the same choice as the
 * refund deadlines).
 */
export function requestDeadlines(receivedOn: string): RequestDeadlines {
  return {
    dueOn: addMonths(receivedOn, REQUEST_ANSWER_MONTHS),
    extendedDueOn: addMonths(receivedOn, REQUEST_ANSWER_MONTHS + REQUEST_EXTENSION_MONTHS),
  }
}

/**
 * The extension holds only if the person is told within the first month: on
 * `today` at the latest, the first due date.
 */
export function canExtendRequest(receivedOn: string, today: string): boolean {
  return today <= requestDeadlines(receivedOn).dueOn
}

/** prospects are kept three years after their last contact with us. */
export const PROSPECT_RETENTION_YEARS = 3
/**
 * an account unused for two years is warned, then erased when its
 * holder has not come back within a month of the warning.
 */
export const INACTIVE_ACCOUNT_WARNING_YEARS = 2
export const INACTIVE_ACCOUNT_GRACE_DAYS = 30

/**
 * The latest start day that is due on `today` under an "N years after" rule:
 * records whose clock started on or before it are due (a query bound). A
 * 29 February start falls due on 28 February, hence the check of the next day.
 */
export function dueCutoff(today: string, years: number): string {
  const cutoff = addYears(today, -years)
  const next = addDays(cutoff, 1)
  return addYears(next, years) <= today ? next : cutoff
}

/** I-06: accounting documents are kept ten years after the end of their financial year. */
export const ACCOUNTING_RETENTION_YEARS = 10

/**
 * The last day an invoice or credit note issued on `issuedOn` must be kept:
 * ten years after the end of its financial year (the calendar year; a shop
 * closing its books at another date keeps them longer, never shorter).
 */
export function invoiceRetentionEnd(issuedOn: string): string {
  const { year } = parts(issuedOn)
  return `${year + ACCOUNTING_RETENTION_YEARS}-12-31`
}

/** P-09: contracts concluded electronically from €120 are archived for ten years. */
export const CONTRACT_ARCHIVE_THRESHOLD = { amount: 12_000, currency: 'EUR' } as const
export const CONTRACT_ARCHIVE_YEARS = 10

/**
 * Whether an order's contract must be archived. The threshold is in euros; an
 * order in another currency is archived too, rather than converted.
 */
export function requiresContractArchive(total: { amount: number; currency: string }): boolean {
  if (total.currency !== CONTRACT_ARCHIVE_THRESHOLD.currency) return true
  return total.amount >= CONTRACT_ARCHIVE_THRESHOLD.amount
}

/**
 * The last day an archived contract is kept: ten years from its conclusion,
 * or from the delivery when the goods arrive later (D213-2).
 */
export function contractRetentionEnd(concludedOn: string, deliveredOn: string | null): string {
  const start = deliveredOn && deliveredOn > concludedOn ? deliveredOn : concludedOn
  return addYears(start, CONTRACT_ARCHIVE_YEARS)
}
