import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import type {
  CoreEvents,
  PluginContext,
  PluginDefinition,
  PluginProvides,
} from '@comptoir/contracts/plugin_manifest'
import type { ViewSlotName, ViewSlots } from '@comptoir/contracts/view_slots'
import { DateTime } from 'luxon'
import Plugin from '#models/plugin'
import { sqlTimestamp } from '#support/sql_timestamp'
import { incompatibilities } from '#plugin_kernel/compatibility'
import type PluginDirectory from '#plugin_kernel/plugin_directory'
import type { PluginPackage } from '#plugin_kernel/plugin_package'
import type PluginSettings from '#plugin_kernel/plugin_settings'

export interface ActivePlugin {
  pkg: PluginPackage
  definition: PluginDefinition
  context: PluginContext<Record<string, unknown>>
  provides: PluginProvides
}

/** How long a process trusts its view of which plugins are enabled. */
const STATE_TTL_MS = 5000

let version: string | undefined

/** The core's version, the one plugin `core` ranges are checked against (read once). */
export function coreVersion(): string {
  version ??= JSON.parse(readFileSync(app.makePath('package.json'), 'utf8')).version as string
  return version
}

/**
 * The enabled plugins of the running shop and every call into them. A plugin
 * that is incompatible, missing or crashing is left out with a log line and
 * its error recorded for the admin; the shop keeps running without it. Each
 * process re-reads plugin state every few seconds, so enabling a plugin in one
 * process reaches the others.
 */
export default class PluginRegistry {
  #active: ActivePlugin[] = []
  #loadedAt = 0
  #reloading: Promise<void> | null = null
  #stamp = ''
  /** The version of each plugin folder whose code this process imported. */
  #loadedVersions = new Map<string, string>()

  constructor(
    protected directory: PluginDirectory,
    protected settings: PluginSettings,
    protected options: { timeoutMs: number }
  ) {}

  /** Forgets the cached state: the next call reloads it. */
  invalidate() {
    this.#loadedAt = 0
  }

  async active(): Promise<ActivePlugin[]> {
    if (Date.now() - this.#loadedAt > STATE_TTL_MS) await this.reload()
    return this.#active
  }

  /**
   * Changes whenever a plugin is installed, enabled, disabled, upgraded or
   * reconfigured, in any process: cached pages are keyed by it, so a page
   * rendered with the old plugins is never served with the new ones.
   */
  async stamp(): Promise<string> {
    await this.active()
    return this.#stamp
  }

  /** Re-reads plugin state; concurrent callers share one reload. */
  reload() {
    this.#reloading ??= this.loadAll().finally(() => {
      this.#reloading = null
    })
    return this.#reloading
  }

  private async loadAll() {
    const all = await Plugin.query().orderBy('name')
    const states = all.filter((state) => state.enabled)
    const installed = new Map(all.map((state) => [state.name, state.installedVersion]))
    const active: ActivePlugin[] = []
    for (const state of states) {
      const plugin = await this.load(state, installed)
      if (plugin) active.push(plugin)
    }
    this.#active = active
    this.#stamp = createHash('sha256')
      .update(
        JSON.stringify(
          all.map((state) => [state.name, state.enabled, state.installedVersion, state.updatedAt])
        )
      )
      .digest('base64url')
      .slice(0, 12)
    this.#loadedAt = Date.now()
  }

  /** Providers of one kind, with the plugin that provides each. */
  async providers<Kind extends keyof PluginProvides>(kind: Kind) {
    const active = await this.active()
    return active.flatMap((plugin) =>
      (plugin.provides[kind] ?? []).map((provider) => ({
        plugin: plugin.pkg.name,
        provider: provider as NonNullable<PluginProvides[Kind]>[number],
      }))
    )
  }

  /**
   * Asks every enabled provider of a kind at once, each guarded: the answers
   * of those that responded in time, in plugin order.
   */
  async collect<Kind extends keyof PluginProvides, T>(
    kind: Kind,
    what: string,
    call: (provider: NonNullable<PluginProvides[Kind]>[number]) => Promise<T>
  ) {
    const providers = await this.providers(kind)
    const answers = await Promise.all(
      providers.map(async ({ plugin, provider }) => ({
        plugin,
        provider,
        result: await this.guard(plugin, `${kind} ${provider.code}: ${what}`, () => call(provider)),
      }))
    )
    return answers.filter(
      (answer): answer is typeof answer & { result: T } => answer.result !== undefined
    )
  }

  /**
   * Calls into a plugin with a time limit. A throw or a timeout is logged and
   * recorded for the admin and yields `undefined`: the caller carries on
   * without that plugin for this request.
   */
  async guard<T>(pluginName: string, what: string, call: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`took longer than ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs
      )
    })
    try {
      return await Promise.race([call(), timeout])
    } catch (error) {
      await this.recordFault(pluginName, `${what}: ${(error as Error)?.message ?? error}`)
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }

  /**
   * Renders what enabled plugins put in a view slot, through the page's own
   * renderer (so its helpers and translations apply). A plugin whose data or
   * template fails is left out of the page.
   */
  async renderSlot<Slot extends ViewSlotName>(
    render: (template: string, data: Record<string, unknown>) => Promise<string>,
    slot: Slot,
    input: ViewSlots[Slot]
  ) {
    // Side by side: a slow plugin costs the page one timeout, not one each.
    const active = await this.active()
    const parts = await Promise.all(
      active.map((plugin) => {
        const renderer = plugin.definition.slots?.[slot]
        if (!renderer) return undefined
        return this.guard(plugin.pkg.name, `view slot ${slot}`, async () => {
          const data = renderer.data ? await renderer.data(input, plugin.context) : {}
          return data === null
            ? ''
            : render(`${plugin.pkg.name}::${renderer.view}`, { ...input, ...data })
        })
      })
    )
    return parts.filter(Boolean).join('\n')
  }

  /** The context an enabled plugin runs with, or null. */
  async contextOf(name: string) {
    const active = await this.active()
    return active.find((plugin) => plugin.pkg.name === name)?.context ?? null
  }

  /** Whether a plugin is enabled and loaded in this process. */
  async isActive(name: string) {
    const active = await this.active()
    return active.some((plugin) => plugin.pkg.name === name)
  }

  /** Hands a core event to every enabled plugin listening to it. */
  async dispatch<Event extends keyof CoreEvents>(event: Event, payload: CoreEvents[Event]) {
    for (const plugin of await this.active()) {
      const listener = plugin.definition.listeners?.[event]
      if (listener) {
        await this.guard(plugin.pkg.name, `listener of ${event}`, () =>
          listener(payload, plugin.context)
        )
      }
    }
  }

  async recordFault(pluginName: string, message: string) {
    logger.error({ plugin: pluginName }, `plugin ${pluginName} skipped: ${message}`)
    const text = message.slice(0, 2000)
    // A plugin failing on every request writes its error once a minute, not each time.
    const minuteAgo = sqlTimestamp(DateTime.now().minus({ minutes: 1 }))
    await Plugin.query()
      .where('name', pluginName)
      .where((query) =>
        query
          .whereNull('last_error')
          .orWhere('last_error', '!=', text)
          .orWhere('last_error_at', '<', minuteAgo)
      )
      .update({
        last_error: text,
        last_error_at: sqlTimestamp(),
      })
      .catch((error) => logger.error({ err: error }, 'could not record plugin fault'))
  }

  private async load(state: Plugin, installed: Map<string, string>): Promise<ActivePlugin | null> {
    try {
      const pkg = await this.directory.find(state.name)
      const reasons = incompatibilities(pkg, coreVersion(), installed)
      if (pkg.version !== state.installedVersion) {
        reasons.push(
          `files are version ${pkg.version} but ${state.installedVersion} is installed: run plugin:upgrade`
        )
      }
      if (reasons.length) throw new Error(`not loaded: ${reasons.join('; ')}`)

      const loaded = this.#loadedVersions.get(pkg.folder)
      if (loaded && loaded !== pkg.version) {
        throw new Error(
          `version ${pkg.version} is installed but this process runs ${loaded}: restart it`
        )
      }
      const definition = await this.directory.loadDefinition(pkg, {
        timeoutMs: this.options.timeoutMs,
      })
      this.#loadedVersions.set(pkg.folder, pkg.version)
      const views = join(pkg.folder, 'resources', 'views')
      if (existsSync(views)) edge.mount(pkg.name, views)
      // Settings saved for an older version may miss a field the new one requires.
      const invalid = await this.settings.invalidFields(definition.settings ?? {}, state.settings)
      if (invalid.length)
        throw new Error(`not loaded: settings to fill in again: ${invalid.join(', ')}`)
      const context = {
        name: pkg.name,
        settings: this.settings.open(definition.settings ?? {}, state.settings),
        logger: logger.child({ plugin: pkg.name }),
      }
      const provides = (await definition.provides?.(context)) ?? {}
      return { pkg, definition, context, provides }
    } catch (error) {
      // Logged once per cause, not at every reload.
      const message = (error as Error).message
      if (state.lastError !== message) await this.recordFault(state.name, message)
      return null
    }
  }
}
