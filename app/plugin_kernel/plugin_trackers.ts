import { type TrackerDeclaration, isTrackerPurpose } from '@comptoir/contracts/trackers'

/** A partial's name under the plugin's resources/views: no way out of it. */
const VIEW_NAME = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/
const COOKIE_NAME = /^[\w.-]{1,64}$/

/**
 * The trackers declared in a package.json's `comptoir.trackers`, checked like
 * the rest of the static metadata: each problem is added to `problems`.
 */
export function readTrackers(raw: unknown, problems: string[]): TrackerDeclaration[] {
  if (raw === undefined) return []
  if (!Array.isArray(raw)) {
    problems.push('"comptoir.trackers" must be a list')
    return []
  }
  const trackers: TrackerDeclaration[] = []
  raw.forEach((entry, index) => {
    const at = `"comptoir.trackers[${index}]`
    const before = problems.length
    if (typeof entry?.name !== 'string' || !COOKIE_NAME.test(entry.name)) {
      problems.push(`${at}.name" must be a cookie name`)
    }
    if (!isTrackerPurpose(entry?.purpose)) {
      problems.push(`${at}.purpose" must be analytics, advertising, social or personalisation`)
    }
    if (typeof entry?.description?.fr !== 'string' || typeof entry?.description?.en !== 'string') {
      problems.push(`${at}.description" must give "fr" and "en" texts`)
    }
    if (!Number.isInteger(entry?.lifetimeDays) || entry.lifetimeDays < 0) {
      problems.push(`${at}.lifetimeDays" must be a whole number of days`)
    }
    if (typeof entry?.view !== 'string' || !VIEW_NAME.test(entry.view)) {
      problems.push(`${at}.view" must name a partial of resources/views`)
    }
    if (problems.length !== before) return
    trackers.push({
      name: entry.name,
      purpose: entry.purpose,
      description: { fr: entry.description.fr, en: entry.description.en },
      lifetimeDays: entry.lifetimeDays,
      view: entry.view,
    })
  })
  return trackers
}
