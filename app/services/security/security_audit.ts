import { inject } from '@adonisjs/core'
import type { DateTime } from 'luxon'
import {
  type ComponentAudit,
  CORE_PACKAGE,
  type InstalledComponent,
  auditComponents,
  openAdvisories,
} from '#domain/security_advisories'
import Plugin from '#models/plugin'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import { coreVersion } from '#plugin_kernel/plugin_registry'
import AdvisoryFeed from '#services/security/advisory_feed'

export interface FeedStatus {
  source: string
  /** When the copy in use was verified; null before the first verified feed. */
  verifiedAt: DateTime | null
  generatedAt: DateTime | null
  signedBy: string | null
  checkedAt: DateTime | null
  lastError: string | null
  lastErrorAt: DateTime | null
}

export interface SecurityReport {
  /** Null while no feed was ever verified: nothing can be said then. */
  feed: FeedStatus | null
  hasFeed: boolean
  components: ComponentAudit[]
}

/**
 * The shop's components (the core and every installed plugin, at their
 * installed versions) checked against the last verified advisory feed, with
 * the hot-fixes the maintenance journal records as applied.
 */
@inject()
export default class SecurityAudit {
  constructor(
    protected feed: AdvisoryFeed,
    protected kernel: PluginKernel
  ) {}

  async report(): Promise<SecurityReport> {
    const { feed, state } = await this.feed.current()
    const components = await this.components()
    const advisories = feed?.advisories ?? []
    return {
      hasFeed: Boolean(feed),
      feed: state
        ? {
            source: state.source ?? this.feed.source,
            verifiedAt: state.verifiedAt,
            generatedAt: state.generatedAt,
            signedBy: state.signedBy,
            checkedAt: state.checkedAt,
            lastError: state.lastError,
            lastErrorAt: state.lastErrorAt,
          }
        : null,
      components: auditComponents(components, advisories, await this.appliedHotfixes(advisories)),
    }
  }

  /** Open critical and high advisories affecting the shop: the dashboard's notice. */
  async urgent() {
    const { components } = await this.report()
    return openAdvisories(components, 'high')
  }

  private async components(): Promise<InstalledComponent[]> {
    const plugins = await Plugin.query().orderBy('name')
    return [
      { name: CORE_PACKAGE, version: coreVersion() },
      ...plugins.map((plugin) => ({ name: plugin.name, version: plugin.installedVersion })),
    ]
  }

  /** The "owner/id" of every hot-fix patch the journal records as applied. */
  private async appliedHotfixes(advisories: { hotfix?: string }[]) {
    const owners = new Set(
      advisories.flatMap((advisory) => (advisory.hotfix ? [advisory.hotfix.split('/')[0]] : []))
    )
    const applied = new Set<string>()
    for (const owner of owners) {
      const patches = await this.kernel.journal.applied('patch', owner)
      for (const id of patches.keys()) {
        applied.add(`${owner}/${id}`)
      }
    }
    return applied
  }
}
