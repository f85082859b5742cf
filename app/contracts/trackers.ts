import type { Labels } from './plugin_manifest.js'

/**
 * Trackers a plugin sets in shoppers' browsers (cookies, pixels, scripts)
 * that need their consent (LEGAL.md R-02). They are static metadata, declared
 * in the plugin's package.json, so the core knows about them without running
 * plugin code:
 *
 * ```json
 * "comptoir": {
 *   "core": "^0.1.0",
 *   "label": { "fr": "Statistiques", "en": "Statistics" },
 *   "trackers": [{
 *     "name": "_stats_id",
 *     "purpose": "analytics",
 *     "description": { "fr": "Compte les visites des pages.", "en": "Counts page visits." },
 *     "lifetimeDays": 390,
 *     "view": "tracker"
 *   }]
 * }
 * ```
 *
 * While an enabled plugin declares one, the storefront shows the consent
 * banner, and lists the tracker (name, purpose, lifetime, plugin) on its
 * cookies page. The tracker's markup is the plugin's partial
 * `resources/views/<view>.edge`, rendered inert inside a `<template>` and
 * switched on in the browser only once the shopper accepts its purpose; it
 * receives no data and must be the same for every visitor. Trackers the CNIL
 * exempts from consent (cart, session, load balancing) are not declared.
 * A tracker loading a script from another origin also needs the shop's
 * Content-Security-Policy to allow that origin.
 */

/** Why a tracker is set: the shopper accepts or refuses each purpose. */
export const TRACKER_PURPOSES = ['analytics', 'advertising', 'social', 'personalisation'] as const
export type TrackerPurpose = (typeof TRACKER_PURPOSES)[number]

export function isTrackerPurpose(value: unknown): value is TrackerPurpose {
  return TRACKER_PURPOSES.includes(value as TrackerPurpose)
}

export interface TrackerDeclaration {
  /** The cookie or tracker name as the browser shows it ("_stats_id"). */
  readonly name: string
  readonly purpose: TrackerPurpose
  /** What it does, for the shopper. */
  readonly description: Labels
  /** How long it stays in the browser, in days. */
  readonly lifetimeDays: number
  /** The plugin's partial holding its markup (`resources/views/<view>.edge`). */
  readonly view: string
}
