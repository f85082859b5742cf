import logger from '@adonisjs/core/services/logger'
import type { GuardedRequest, RequestGuard } from '@comptoir/contracts/maintenance_hook'
import { isInEffect } from '#domain/patch_applicability'
import type MaintenanceJournal from '#plugin_kernel/maintenance_journal'
import type PatchRunner from '#plugin_kernel/patch_runner'
import type { ActivePlugin } from '#plugin_kernel/plugin_registry'
import type PluginRegistry from '#plugin_kernel/plugin_registry'

/**
 * How long a process trusts its list of guards before it checks the journal
 * for a patch applied or reverted by another process (one cheap query).
 */
const JOURNAL_CHECK_MS = 2000

export interface ActiveGuard {
  plugin: string
  guard: RequestGuard
}

interface GuardCache {
  plugins: ActivePlugin[]
  journalVersion: number
  guards: ActiveGuard[]
}

/**
 * The request guards of hot-fixes in effect: those of enabled plugins'
 * maintenance hooks whose patch the journal says is applied (not reverted, not
 * superseded). A request costs a lookup in a cached list; the list is rebuilt
 * when this process changes a patch or the plugins, and when the journal's
 * latest entry changes, checked every two seconds, so a patch applied or
 * reverted by another process reaches this one too.
 */
export default class RequestGuards {
  #cache: GuardCache | null = null
  #checkedAt = 0
  #rebuilding: Promise<ActiveGuard[]> | null = null
  /** Guards that threw, logged once each. */
  #faulty = new Set<string>()

  constructor(
    protected registry: PluginRegistry,
    protected patches: PatchRunner,
    protected journal: MaintenanceJournal
  ) {}

  /** Forgets the list: the next request rebuilds it. */
  invalidate() {
    this.#cache = null
  }

  async active(): Promise<ActiveGuard[]> {
    try {
      return await this.current()
    } catch (error) {
      // Last known guards stay on: a database hiccup, or the very flood a
      // guard is there to stop exhausting the pool, must not switch them off.
      if (this.#cache) return this.#cache.guards
      throw error
    }
  }

  private async current(): Promise<ActiveGuard[]> {
    const plugins = await this.registry.active()
    const cache = this.#cache
    if (cache?.plugins === plugins && Date.now() - this.#checkedAt < JOURNAL_CHECK_MS) {
      return cache.guards
    }
    const journalVersion = await this.journal.version()
    this.#checkedAt = Date.now()
    if (cache?.plugins === plugins && cache.journalVersion === journalVersion) return cache.guards
    // Concurrent requests share one rebuild.
    this.#rebuilding ??= this.build(plugins, journalVersion).finally(() => {
      this.#rebuilding = null
    })
    return this.#rebuilding
  }

  /** The first of the guards (from `active()`) that blocks the request, or null. */
  blocking(guards: ActiveGuard[], request: GuardedRequest): ActiveGuard | null {
    return guards.find((active) => this.matches(active, request)) ?? null
  }

  private matches({ plugin, guard }: ActiveGuard, request: GuardedRequest) {
    try {
      return guard.matches(request)
    } catch (error) {
      const key = `${plugin}/${guard.id}`
      if (!this.#faulty.has(key)) {
        this.#faulty.add(key)
        logger.error({ plugin, guard: guard.id, err: error }, 'request guard failed: ignored')
      }
      return false
    }
  }

  private async build(plugins: ActivePlugin[], journalVersion: number) {
    const declared = await this.declared()
    let guards: ActiveGuard[] = []
    if (declared.length) {
      const owners = new Set(declared.map(({ guard }) => guard.patch.split('/')[0]))
      const byOwner = await Promise.all([...owners].map((owner) => this.patches.status(owner)))
      const inEffect = new Set(
        byOwner
          .flat()
          .filter((status) => isInEffect(status.state))
          .map((status) => `${status.owner}/${status.id}`)
      )
      guards = declared.filter(({ guard }) => inEffect.has(guard.patch))
    }
    this.#cache = { plugins, journalVersion, guards }
    return guards
  }

  /** Guards of the enabled plugins' maintenance hooks; a hook that throws is left out. */
  private async declared(): Promise<ActiveGuard[]> {
    const hooks = await this.registry.providers('maintenance')
    const declared: ActiveGuard[] = []
    for (const { plugin, provider } of hooks) {
      try {
        for (const guard of provider.guards()) declared.push({ plugin, guard })
      } catch (error) {
        await this.registry.recordFault(plugin, `guards of ${provider.code}: ${error}`)
      }
    }
    return declared
  }
}
