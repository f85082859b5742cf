import { pathToFileURL } from 'node:url'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { Patch, PatchContext, PatchSeverity } from '@comptoir/contracts/maintenance_hook'
import {
  type PatchState,
  patchApplicability,
  patchDeclarationError,
  patchState,
} from '#domain/patch_applicability'
import { CORE_PACKAGE } from '#domain/security_advisories'
import Plugin from '#models/plugin'
import type MaintenanceJournalEntry from '#models/maintenance_journal_entry'
import type MaintenanceJournal from '#plugin_kernel/maintenance_journal'
import { CORE_OWNER, fileChecksum } from '#plugin_kernel/maintenance_journal'
import { coreVersion } from '#plugin_kernel/plugin_registry'
import type AuditLogService from '#services/audit_log_service'
import type OperationLock from '#plugin_kernel/operation_lock'
import type { PluginActor } from '#plugin_kernel/plugin_lifecycle'
import type PluginDirectory from '#plugin_kernel/plugin_directory'

export type { PatchState }

export interface PatchStatus {
  owner: string
  id: string
  description: string
  severity: PatchSeverity
  state: PatchState
  /** The last failure's message, while the patch is still pending. */
  error: string | null
  /** The advisory it fixes (GHSA id), if any. */
  advisory: string | null
  /** The component it fixes (`comptoir` or a plugin) and the range it fixes. */
  target: string
  affects: string | null
  /** The installed version of `target`, null when it is not installed. */
  installedVersion: string | null
  /** Whether the journal already records the state (a supersede or skip is recorded once). */
  journaled: boolean
}

type Decided = { owner: string; id: string; target: string; installedVersion: string | null }

export type PatchOutcome =
  | { owner: string; id: string; outcome: 'applied' }
  | { owner: string; id: string; outcome: 'failed'; error: string }
  | (Decided & { outcome: 'superseded' | 'skipped'; affects: string })

export type RevertOutcome =
  | { owner: string; id: string; outcome: 'reverted'; undidData: boolean }
  | { owner: string; id: string; outcome: 'not_applied'; state: PatchState }
  | { owner: string; id: string; outcome: 'failed'; error: string }

type PatchFile = { owner: string; id: string; path: string }

/** Installed versions by component name, and the journal entries of each owner. */
type StateSources = {
  versions: Map<string, string>
  entries: Map<string, Map<string, MaintenanceJournalEntry[]>>
}

/**
 * Applies the core's and the installed plugins' patches, each once, in file
 * name order per owner. A patch runs in one transaction with its journal
 * entry; a failure is journaled and leaves the patch pending. An applied
 * patch whose file changed is reported as "changed", never re-run. A patch
 * declaring `affects` runs only on an affected installed version; past it,
 * it is superseded (see #domain/patch_applicability).
 */
export default class PatchRunner {
  #listeners: (() => void)[] = []

  constructor(
    protected directory: PluginDirectory,
    protected journal: MaintenanceJournal,
    protected corePatchesFolder: string,
    protected lock: OperationLock,
    protected auditLog: AuditLogService
  ) {}

  /** Called after this process applied, reverted or superseded a patch. */
  onChange(listener: () => void) {
    this.#listeners.push(listener)
  }

  async status(owner?: string): Promise<PatchStatus[]> {
    const sources = await this.stateSources()
    const statuses: PatchStatus[] = []
    for (const file of await this.files(owner)) {
      statuses.push(await this.statusOf(file, sources))
    }
    return statuses
  }

  /** The state of one patch; a patch file that does not load is reported, never thrown. */
  private async statusOf(file: PatchFile, sources: StateSources): Promise<PatchStatus> {
    const entries = await this.entriesOf(file, sources)
    const checksum = await fileChecksum(file.path)
    let patch: Patch
    try {
      patch = await this.load(file)
    } catch (error) {
      const { state, error: lastError } = patchState(entries, checksum, 'affected')
      return {
        owner: file.owner,
        id: file.id,
        description: `cannot be loaded: ${(error as Error).message}`,
        severity: 'high',
        state: state === 'pending' ? 'failed' : state,
        error: lastError,
        advisory: null,
        target: this.targetOf(file.owner, {}),
        affects: null,
        installedVersion: null,
        journaled: true,
      }
    }
    const target = this.targetOf(file.owner, patch)
    const installedVersion = sources.versions.get(target) ?? null
    const applicability = patchApplicability(patch.affects, installedVersion)
    return {
      owner: file.owner,
      id: file.id,
      description: patch.description,
      severity: patch.severity,
      ...patchState(entries, checksum, applicability),
      advisory: patch.advisory ?? null,
      target,
      affects: patch.affects ?? null,
      installedVersion,
    }
  }

  /** Hot-fixes: patches that name an advisory or the versions they fix. */
  async hotfixes() {
    const statuses = await this.status()
    return statuses.filter((patch) => patch.advisory !== null || patch.affects !== null)
  }

  /** The component a patch fixes: its own `package`, or its owner. */
  private targetOf(owner: string, patch: Pick<Patch, 'package'>) {
    return patch.package ?? (owner === CORE_OWNER ? CORE_PACKAGE : owner)
  }

  private async stateSources(): Promise<StateSources> {
    const plugins = await Plugin.query().select('name', 'installed_version')
    const versions = new Map(plugins.map((plugin) => [plugin.name, plugin.installedVersion]))
    versions.set(CORE_PACKAGE, coreVersion())
    return { versions, entries: new Map() }
  }

  private async entriesOf(file: PatchFile, sources: StateSources) {
    let byItem = sources.entries.get(file.owner)
    if (!byItem) {
      byItem = await this.journal.entriesByItem('patch', file.owner)
      sources.entries.set(file.owner, byItem)
    }
    return byItem.get(file.id) ?? []
  }

  /** Ids of the owner's applied patches, from the journal alone. */
  async appliedIds(owner: string) {
    const applied = await this.journal.applied('patch', owner)
    return new Set(applied.keys())
  }

  /**
   * Journals the owner's applied patches as uninstalled: their data went
   * with the plugin's tables, so a new install applies them again.
   */
  async forget(owner: string, actor: PluginActor) {
    const applied = await this.journal.applied('patch', owner)
    for (const [item, checksum] of applied) {
      await this.journal.record({
        kind: 'patch',
        owner,
        item,
        checksum,
        outcome: 'uninstalled',
        actor: actor.label,
      })
    }
    this.changed()
  }

  async pending(owner?: string) {
    const statuses = await this.status(owner)
    return statuses.filter((patch) => patch.state === 'pending' || patch.state === 'failed')
  }

  /**
   * Applies the pending patches of every owner (or one), stopping an owner's
   * run at its first failure so later patches never run on top of a missing
   * fix. Patches the installed versions do not need are recorded superseded
   * or skipped, once; reverted ones wait for an explicit `patch:apply <id>`.
   */
  async applyPending(actor: PluginActor, owner?: string): Promise<PatchOutcome[]> {
    const outcomes: PatchOutcome[] = []
    const stopped = new Set<string>()
    const statuses = await this.status(owner)
    const toDecide = statuses.filter(
      (patch) =>
        patch.state === 'pending' ||
        patch.state === 'failed' ||
        (['superseded', 'not_affected'].includes(patch.state) && !patch.journaled)
    )
    for (const patch of toDecide) {
      if (stopped.has(patch.owner)) continue
      const outcome = await this.apply(patch.owner, patch.id, actor)
      outcomes.push(outcome)
      if (outcome.outcome === 'failed') stopped.add(patch.owner)
    }
    return outcomes
  }

  /**
   * Records superseded every patch of any owner fixing `target` that its
   * installed version no longer needs: after a plugin upgrade, a hot-fix the
   * `security-hotfixes` plugin shipped for it stops.
   */
  async settle(actor: PluginActor, target: string): Promise<PatchOutcome[]> {
    const statuses = await this.status()
    const outcomes: PatchOutcome[] = []
    for (const patch of statuses) {
      if (patch.target !== target || patch.state !== 'superseded' || patch.journaled) continue
      outcomes.push(await this.apply(patch.owner, patch.id, actor))
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
    const file = await this.find(reference)
    if (!file) return null
    const { state } = await this.statusOf(file, await this.stateSources())
    if (state === 'applied' || state === 'changed') return 'already_applied'
    return this.apply(file.owner, file.id, actor)
  }

  /**
   * Reverts one applied patch ("owner/id", or "id" when unique): its
   * `revert` undoes its data change, in one transaction with the journal
   * entry, and its guards stop. Null when no such patch exists.
   */
  async revertOne(reference: string, actor: PluginActor): Promise<RevertOutcome | null> {
    const file = await this.find(reference)
    if (!file) return null
    const { owner, id } = file
    return this.lock.hold(`revert ${owner}/${id}`, async () => {
      const status = await this.statusOf(file, await this.stateSources())
      if (status.state !== 'applied' && status.state !== 'changed') {
        return { owner, id, outcome: 'not_applied', state: status.state }
      }
      const patch = await this.load(file)
      const checksum = await fileChecksum(file.path)
      const entry = { kind: 'patch' as const, owner, item: id, checksum, actor: actor.label }
      try {
        await db.transaction(async (trx) => {
          await patch.revert?.(this.context(owner, id, trx))
          await this.journal.record({ ...entry, outcome: 'reverted' }, trx)
          await this.audit(actor, 'patch.revert', `${owner}/${id}`, checksum, trx)
        })
      } catch (error) {
        const message = `revert failed: ${(error as Error)?.message ?? String(error)}`
        await this.journal.record({ ...entry, outcome: 'failed', error: message })
        return { owner, id, outcome: 'failed', error: message }
      }
      this.changed()
      return { owner, id, outcome: 'reverted', undidData: Boolean(patch.revert) }
    })
  }

  private async find(reference: string) {
    const [owner, id] = reference.includes('/') ? reference.split('/', 2) : [undefined, reference]
    const files = await this.files(owner)
    const matches = files.filter((file) => file.id === id)
    return matches.length === 1 ? matches[0] : null
  }

  private changed() {
    for (const listener of this.#listeners) listener()
  }

  private context(owner: string, id: string, trx: PatchContext['db']): PatchContext {
    return { db: trx, log: (message) => logger.info({ patch: `${owner}/${id}` }, message) }
  }

  private audit(
    actor: PluginActor,
    action: string,
    reference: string,
    checksum: string,
    trx: PatchContext['db']
  ) {
    return this.auditLog.record(
      {
        actor: actor.admin,
        action,
        entityType: 'patch',
        entityId: reference,
        changes: { by: actor.label, checksum },
        ip: actor.ip,
      },
      trx
    )
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
    const status = await this.statusOf(file, await this.stateSources())
    if (status.state === 'applied' || status.state === 'changed') {
      return { owner, id, outcome: 'applied' }
    }
    const patch = await this.load(file)
    const checksum = await fileChecksum(file.path)
    const entry = { kind: 'patch' as const, owner, item: id, checksum, actor: actor.label }
    if (status.state === 'superseded' || status.state === 'not_affected') {
      const outcome = status.state === 'superseded' ? 'superseded' : 'skipped'
      if (!status.journaled) await this.journal.record({ ...entry, outcome })
      if (outcome === 'superseded') this.changed()
      return {
        owner,
        id,
        outcome,
        target: status.target,
        installedVersion: status.installedVersion,
        affects: status.affects ?? '',
      }
    }
    try {
      await db.transaction(async (trx) => {
        await patch.apply(this.context(owner, id, trx))
        await this.journal.record({ ...entry, outcome: 'applied' }, trx)
        await this.audit(actor, 'patch.apply', `${owner}/${id}`, checksum, trx)
      })
      this.changed()
      return { owner, id, outcome: 'applied' }
    } catch (error) {
      const message = (error as Error)?.message ?? String(error)
      await this.journal.record({ ...entry, outcome: 'failed', error: message })
      return { owner, id, outcome: 'failed', error: message }
    }
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
    const problem = patchDeclarationError(patch as Patch)
    if (problem) throw new Error(problem)
    return patch as Patch
  }
}
