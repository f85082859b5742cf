import { inject } from '@adonisjs/core'
import type { Labels } from '@comptoir/contracts/plugin_manifest'
import {
  TRACKER_PURPOSES,
  type TrackerDeclaration,
  type TrackerPurpose,
} from '@comptoir/contracts/trackers'
import PluginKernel from '#plugin_kernel/plugin_kernel'

export interface DeclaredTracker extends TrackerDeclaration {
  /** The plugin setting it: who receives the data. */
  plugin: string
  pluginLabel: Labels
}

/**
 * The trackers the enabled plugins declare in their package.json (LEGAL.md
 * The core itself sets none that needs consent.
 */
@inject()
export default class TrackerCatalog {
  constructor(protected kernel: PluginKernel) {}

  async declared(): Promise<DeclaredTracker[]> {
    const active = await this.kernel.registry.active()
    return active.flatMap((plugin) =>
      plugin.pkg.trackers.map((tracker) => ({
        ...tracker,
        plugin: plugin.pkg.name,
        pluginLabel: plugin.pkg.label,
      }))
    )
  }

  /** The purposes those trackers serve, in the banner's order. */
  purposes(trackers: readonly DeclaredTracker[]): TrackerPurpose[] {
    return TRACKER_PURPOSES.filter((purpose) =>
      trackers.some((tracker) => tracker.purpose === purpose)
    )
  }

  /**
   * Every tracker's markup, each inert inside a <template>: the page is the
   * same for every visitor whatever they chose, so a shared page cache can
   * store it; resources/public/js/consent.js copies a template into the page
   * only when the visitor's consent cookie grants its purpose. Without
   * JavaScript or without consent, no tracker ever runs. A partial that fails
   * is left out and reported on the Plugins page.
   */
  async templates(
    trackers: readonly DeclaredTracker[],
    render: (template: string) => Promise<string>
  ): Promise<string> {
    const parts = await Promise.all(
      trackers.map((tracker) =>
        this.kernel.registry.guard(tracker.plugin, `tracker ${tracker.name}`, async () => {
          const markup = await render(`${tracker.plugin}::${tracker.view}`)
          return `<template data-consent-purpose="${tracker.purpose}" data-tracker="${tracker.plugin}/${tracker.name}">${markup}</template>`
        })
      )
    )
    return parts.filter(Boolean).join('\n')
  }
}
