import type { Locale } from '@comptoir/contracts/commerce'
import type { HealthReport } from '@comptoir/contracts/maintenance_hook'
import type { Labels } from '@comptoir/contracts/plugin_manifest'
import Plugin from '#models/plugin'
import { incompatibilities } from '#plugin_kernel/compatibility'
import type PatchRunner from '#plugin_kernel/patch_runner'
import type PluginDirectory from '#plugin_kernel/plugin_directory'
import type PluginMigrator from '#plugin_kernel/plugin_migrator'
import type PluginRegistry from '#plugin_kernel/plugin_registry'
import { coreVersion } from '#plugin_kernel/plugin_registry'
import type PluginSettings from '#plugin_kernel/plugin_settings'

export type PluginState = 'enabled' | 'disabled' | 'available' | 'missing'

export interface PluginRow {
  name: string
  label: Labels | null
  /** Version of the files in the plugins folder. */
  version: string | null
  installedVersion: string | null
  coreRange: string | null
  state: PluginState
  /** Why it cannot run here; empty when it can. */
  incompatibilities: string[]
  pendingMigrations: number
  pendingPatches: number
  lastError: string | null
  lastErrorAt: Plugin['lastErrorAt']
}

/**
 * Every plugin the shop knows (folders and installed state), as `plugin:list`
 * and the admin Plugins page show them.
 */
export default class PluginOverview {
  constructor(
    protected directory: PluginDirectory,
    protected migrator: PluginMigrator,
    protected patches: PatchRunner,
    protected registry: PluginRegistry,
    protected settings: PluginSettings
  ) {}

  /**
   * An installed plugin's settings form, health checks (enabled plugins only)
   * and pending patches; null when its code cannot be loaded (the page then
   * shows the plugin's problem instead).
   */
  async details(name: string, locale: Locale) {
    const state = await Plugin.findOrFail(name)
    const definition = await this.directory
      .find(name)
      .then((pkg) => this.directory.loadDefinition(pkg))
      .catch(() => null)
    if (!definition) return null
    const health: { code: string; report: HealthReport }[] = []
    for (const { plugin, provider } of await this.registry.providers('maintenance')) {
      if (plugin !== name) continue
      const report = await this.registry.guard(name, `health check ${provider.code}`, () =>
        provider.health()
      )
      health.push({
        code: provider.code,
        report: report ?? { status: 'failing', detail: 'no answer' },
      })
    }
    return {
      adminPages: (definition.adminPages ?? []).map((page) => ({
        href: `/admin/plugins/${name}${page.path}`,
        label: page.label[locale],
      })),
      settingsForm: this.settings.form(definition.settings ?? {}, state.settings, locale),
      health,
      patches: await this.patches.pending(name),
    }
  }

  /** Form input without its secrets, safe to keep in the session. */
  async withoutSecrets(name: string, input: Record<string, unknown>) {
    const definition = await this.directory.loadDefinition(await this.directory.find(name))
    const fields = definition.settings ?? {}
    return Object.fromEntries(
      Object.entries(input).filter(([field]) => fields[field]?.kind !== 'secret')
    )
  }

  async rows() {
    const { packages, broken } = await this.directory.scan()
    const all = await Plugin.all()
    const states = new Map(all.map((state) => [state.name, state]))
    const installed = new Map(
      [...states.values()].map((state) => [state.name, state.installedVersion])
    )
    const pending = await this.patches.pending()
    const core = coreVersion()

    const rows: PluginRow[] = []
    for (const pkg of packages) {
      const state = states.get(pkg.name)
      const pendingMigrations = state ? await this.migrator.pending(pkg) : []
      rows.push({
        name: pkg.name,
        label: pkg.label,
        version: pkg.version,
        installedVersion: state?.installedVersion ?? null,
        coreRange: pkg.coreRange,
        state: !state ? 'available' : state.enabled ? 'enabled' : 'disabled',
        incompatibilities: incompatibilities(pkg, core, installed),
        pendingMigrations: pendingMigrations.length,
        pendingPatches: pending.filter((patch) => patch.owner === pkg.name).length,
        lastError: state?.lastError ?? null,
        lastErrorAt: state?.lastErrorAt ?? null,
      })
    }
    for (const state of states.values()) {
      if (packages.some((pkg) => pkg.name === state.name)) continue
      rows.push({
        name: state.name,
        label: null,
        version: null,
        installedVersion: state.installedVersion,
        coreRange: null,
        state: 'missing',
        incompatibilities: ['its folder is missing from the plugins folder'],
        pendingMigrations: 0,
        pendingPatches: 0,
        lastError: state.lastError,
        lastErrorAt: state.lastErrorAt,
      })
    }
    return { rows: rows.sort((a, b) => a.name.localeCompare(b.name)), broken }
  }
}
