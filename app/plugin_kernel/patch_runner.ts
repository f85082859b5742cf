import { pathToFileURL } from 'node:url'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { Patch, PatchSeverity } from '@comptoir/contracts/maintenance_hook'
import Plugin from '#models/plugin'
import type MaintenanceJournal from '#plugin_kernel/maintenance_journal'
import { CORE_OWNER, fileChecksum } from '#plugin_kernel/maintenance_journal'
import type AuditLogService from '#services/audit_log_service'
import type OperationLock from '#plugin_kernel/operation_lock'
import type { PluginActor } from '#plugin_kernel/plugin_lifecycle'
import type PluginDirectory from '#plugin_kernel/plugin_directory'

export type PatchState = 'pending' | 'applied' | 'changed' | 'failed'

export interface PatchStatus {
  owner: string
  id: string
  description: string
  severity: PatchSeverity
  state: PatchState
  /** The last failure's message, while the patch is still pending. */
  error: string | null
}

export type PatchOutcome =
  | { owner: string; id: string; outcome: 'applied' }
  | { owner: string; id: string; outcome: 'failed'; error: string }

type PatchFile = { owner: string; id: string; path: string }

/**
 * Applies the core's and the installed plugins' patches, each once, in file
 * name order per owner. A patch runs in one transaction with its journal
 * entry; a failure is journaled and leaves the patch pending. An applied
 * patch whose file changed is reported as "changed", never re-run.
 */
export default class PatchRunner {
  constructor(
    protected directory: PluginDirectory,
    protected journal: MaintenanceJournal,
    protected corePatchesFolder: string,
    protected lock: OperationLock,
    protected auditLog: AuditLogService
  ) {}

  async status(owner?: string): Promise<PatchStatus[]> {
    const statuses: PatchStatus[] = []
    for (const file of await this.files(owner)) {
      const state = await this.stateOf(file)
      try {
        const patch = await this.load(file)
        statuses.push({
          owner: file.owner,
          id: file.id,
          description: patch.description,
          severity: patch.severity,
          ...state,
        })
      } catch (error) {
        // A patch file that does not load is reported, never a crash of the list.
        statuses.push({
          owner: file.owner,
          id: file.id,
          description: `cannot be loaded: ${(error as Error).message}`,
          severity: 'high',
          state: state.state === 'pending' ? 'failed' : state.state,
          error: state.error,
        })
      }
    }
    return statuses
  }

  /** Ids of the owner's applied patches, from the journal alone. */
  async appliedIds(owner: string) {
    const applied = await this.journal.applied('patch', owner)
    return new Set(applied.keys())
  }

  /**
   * Journals the owner's applied patches as reverted: their data went with
   * the plugin's tables, so a new install applies them again.
   */
  async forget(owner: string, actor: PluginActor) {
    const applied = await this.journal.applied('patch', owner)
    for (const [item, checksum] of applied) {
      await this.journal.record({
        kind: 'patch',
        owner,
        item,
        checksum,
        outcome: 'reverted',
        actor: actor.label,
      })
    }
  }

  async pending(owner?: string) {
    const statuses = await this.status(owner)
    return statuses.filter((patch) => patch.state === 'pending' || patch.state === 'failed')
  }

  /**
   * Applies the pending patches of every owner (or one), stopping an owner's
   * run at its first failure so later patches never run on top of a missing
   * fix.
   */
  async applyPending(actor: PluginActor, owner?: string): Promise<PatchOutcome[]> {
    const outcomes: PatchOutcome[] = []
    const stopped = new Set<string>()
    for (const patch of await this.pending(owner)) {
      if (stopped.has(patch.owner)) continue
      const outcome = await this.apply(patch.owner, patch.id, actor)
      outcomes.push(outcome)
      if (outcome.outcome === 'failed') stopped.add(patch.owner)
    }
    return outcomes
  }

  /**
   * Applies one patch by id ("owner/id", or "id" when only one owner has it).
   * Returns null when no such patch exists; an applied patch is not re-run.
   */
  async applyOne(
    reference: string,
    actor: PluginActor
  ): Promise<PatchOutcome | 'already_applied' | null> {
    const [owner, id] = reference.includes('/') ? reference.split('/', 2) : [undefined, reference]
    const files = await this.files(owner)
    const matches = files.filter((file) => file.id === id)
    if (matches.length !== 1) return null
    const { state } = await this.stateOf(matches[0])
    if (state === 'applied' || state === 'changed') return 'already_applied'
    return this.apply(matches[0].owner, matches[0].id, actor)
  }

  /**
   * Applies one patch under the operation lock, checking again there that it
   * is not applied (two clicks, two agencies).
   */
  private apply(owner: string, id: string, actor: PluginActor): Promise<PatchOutcome> {
    return this.lock.hold(`patch ${owner}/${id}`, () => this.applyLocked(owner, id, actor))
  }

  private async applyLocked(owner: string, id: string, actor: PluginActor): Promise<PatchOutcome> {
    const files = await this.files(owner)
    const file = files.find((candidate) => candidate.id === id)!
    const applied = await this.journal.applied('patch', owner)
    if (applied.has(id)) return { owner, id, outcome: 'applied' }
    const patch = await this.load(file)
    const checksum = await fileChecksum(file.path)
    const entry = { kind: 'patch' as const, owner, item: id, checksum, actor: actor.label }
    try {
      await db.transaction(async (trx) => {
        await patch.apply({
          db: trx,
          log: (message) => logger.info({ patch: `${owner}/${id}` }, message),
        })
        await this.journal.record({ ...entry, outcome: 'applied' }, trx)
        await this.auditLog.record(
          {
            actor: actor.admin,
            action: 'patch.apply',
            entityType: 'patch',
            entityId: `${owner}/${id}`,
            changes: { by: actor.label, checksum },
            ip: actor.ip,
          },
          trx
        )
      })
      return { owner, id, outcome: 'applied' }
    } catch (error) {
      const message = (error as Error)?.message ?? String(error)
      await this.journal.record({ ...entry, outcome: 'failed', error: message })
      return { owner, id, outcome: 'failed', error: message }
    }
  }

  private async stateOf(file: PatchFile): Promise<{ state: PatchState; error: string | null }> {
    const applied = await this.journal.applied('patch', file.owner)
    if (applied.has(file.id)) {
      const changed = applied.get(file.id) !== (await fileChecksum(file.path))
      return { state: changed ? 'changed' : 'applied', error: null }
    }
    const [last] = await this.journal.history({
      kind: 'patch',
      owner: file.owner,
      item: file.id,
      limit: 1,
    })
    return last?.outcome === 'failed'
      ? { state: 'failed', error: last.error }
      : { state: 'pending', error: null }
  }

  /** Patch files of the core and of installed plugins. */
  private async files(owner?: string): Promise<PatchFile[]> {
    const owners: { owner: string; folder: string | null }[] = [{ owner: CORE_OWNER, folder: null }]
    for (const plugin of await Plugin.query().orderBy('name')) {
      owners.push({ owner: plugin.name, folder: this.directory.folderOf(plugin.name) })
    }
    const files: PatchFile[] = []
    for (const candidate of owners.filter((entry) => !owner || entry.owner === owner)) {
      const found = candidate.folder
        ? await this.directory.patchFiles(candidate.folder)
        : await this.directory.codeFilesOf(this.corePatchesFolder)
      files.push(...found.map((file) => ({ owner: candidate.owner, ...file })))
    }
    return files
  }

  private async load(file: PatchFile): Promise<Patch> {
    const { default: patch } = await import(pathToFileURL(file.path).href)
    return patch as Patch
  }
}
