import {
  TRACKER_PURPOSES,
  type TrackerPurpose,
  isTrackerPurpose,
} from '@comptoir/contracts/trackers'

/**
 * The visitor's cookie choices (LEGAL.md R-02): per purpose, granted or
 * refused. Silence is refusal: a purpose never decided is off. The choice is
 * kept six months, refusal included, in a cookie the browser can read too
 * (so a page cached for every visitor can still switch trackers on).
 */

/** The CNIL recommends asking again after six months, whatever was chosen. */
export const CONSENT_LIFETIME_MONTHS = 6

export type ConsentChoices = Partial<Record<TrackerPurpose, boolean>>

/**
 * "analytics-1.advertising-0": only characters a cookie value carries
 * unencoded, read the same way by resources/public/js/consent.js.
 */
export function serializeConsent(choices: ConsentChoices): string {
  return TRACKER_PURPOSES.filter((purpose) => choices[purpose] !== undefined)
    .map((purpose) => `${purpose}-${choices[purpose] ? 1 : 0}`)
    .join('.')
}

/** Unknown or malformed parts are ignored: they count as never decided. */
export function parseConsent(value: unknown): ConsentChoices {
  const choices: ConsentChoices = {}
  if (typeof value !== 'string') return choices
  for (const part of value.split('.')) {
    const match = /^([a-z]+)-([01])$/.exec(part)
    if (match && isTrackerPurpose(match[1])) choices[match[1]] = match[2] === '1'
  }
  return choices
}

/** Whether every purpose in use has been decided: then the banner stays closed. */
export function hasDecided(choices: ConsentChoices, purposes: readonly TrackerPurpose[]): boolean {
  return purposes.every((purpose) => choices[purpose] !== undefined)
}

/**
 * The choices a form sends: every purpose in use answered, "accept all" and
 * "refuse all" treated alike.
 */
export function decideAll(
  purposes: readonly TrackerPurpose[],
  decision: 'accept_all' | 'refuse_all' | { granted: readonly string[] }
): ConsentChoices {
  return Object.fromEntries(
    purposes.map((purpose) => [
      purpose,
      decision === 'accept_all'
        ? true
        : decision === 'refuse_all'
          ? false
          : decision.granted.includes(purpose),
    ])
  )
}

/** When the choice made at `now` expires: six calendar months later. */
export function consentExpiry(now: Date): Date {
  const expiry = new Date(now.getTime())
  const day = expiry.getUTCDate()
  expiry.setUTCDate(1)
  expiry.setUTCMonth(expiry.getUTCMonth() + CONSENT_LIFETIME_MONTHS)
  const lastDay = new Date(
    Date.UTC(expiry.getUTCFullYear(), expiry.getUTCMonth() + 1, 0)
  ).getUTCDate()
  expiry.setUTCDate(Math.min(day, lastDay))
  return expiry
}
