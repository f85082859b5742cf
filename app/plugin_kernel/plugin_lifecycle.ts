import { userInfo } from 'node:os'
import semver from 'semver'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import type { Locale } from '@comptoir/contracts/commerce'
import type { PluginDefinition } from '@comptoir/contracts/plugin_manifest'
import PluginException from '#exceptions/plugin_exception'
import Plugin from '#models/plugin'
import type AuditLogService from '#services/audit_log_service'
import { type AuditActor } from '#services/audit_log_service'
import CompensatingSteps from '#plugin_kernel/compensating_steps'
import type OperationLock from '#plugin_kernel/operation_lock'
import { sqlTimestamp } from '#support/sql_timestamp'
import { incompatibilities } from '#plugin_kernel/compatibility'
import type PatchRunner from '#plugin_kernel/patch_runner'
import type { PatchOutcome } from '#plugin_kernel/patch_runner'
import type PluginDirectory from '#plugin_kernel/plugin_directory'
import type PluginMigrator from '#plugin_kernel/plugin_migrator'
import { type PluginPackage, readPluginPackage } from '#plugin_kernel/plugin_package'
import type PluginRegistry from '#plugin_kernel/plugin_registry'
import { coreVersion } from '#plugin_kernel/plugin_registry'
import type PluginSettings from '#plugin_kernel/plugin_settings'
import type PluginSources from '#plugin_kernel/plugin_sources'
import type { StagedSource } from '#plugin_kernel/plugin_sources'
import type WorkspaceDependencies from '#plugin_kernel/workspace_dependencies'
import type FileIntegrity from '#services/security/file_integrity'

/** Who runs a plugin operation, for the journal and the audit log. */
export interface PluginActor {
  /** "cli:<user>" or "admin:<email>". */
  label: string
  admin: AuditActor
  ip: string | null
}

export function cliActor(): PluginActor {
  return { label: `cli:${userInfo().username}`, admin: null, ip: null }
}

/** What an install or upgrade would do, shown by `--dry-run`. */
export interface PluginPlan {
  pkg: PluginPackage
  fromVersion: string | null
  migrations: string[]
  patches: string[]
  /** Null when they are only known once its npm dependencies are installed. */
  hooks: string[] | null
}

/** The hook an install or upgrade runs, when the plugin has one. */
function hooksOf(definition: PluginDefinition, hook: 'install' | 'upgrade') {
  return definition.hooks?.[hook] ? [hook] : []
}

export type InstallResult =
  | { status: 'planned'; plan: PluginPlan }
  | { status: 'already_installed'; pkg: PluginPackage }
  | { status: 'installed' | 'upgraded'; plan: PluginPlan; patches: PatchOutcome[] }

/**
 * Install, upgrade, uninstall, enable and disable. Each is all-or-nothing: a
 * failing step undoes the steps before it (files put back, migrations
 * reverted by their `down()`, state untouched) and says what failed.
 */
export default class PluginLifecycle {
  constructor(
    protected directory: PluginDirectory,
    protected sources: PluginSources,
    protected dependencies: WorkspaceDependencies,
    protected migrator: PluginMigrator,
    protected patches: PatchRunner,
    protected settings: PluginSettings,
    protected registry: PluginRegistry,
    protected auditLog: AuditLogService,
    protected lock: OperationLock,
    protected integrity: FileIntegrity
  ) {}

  async install(
    source: string,
    options: { actor: PluginActor; dryRun?: boolean }
  ): Promise<InstallResult> {
    return this.lock.hold(`install ${source}`, async () => {
      const staged = await this.sources.stage(source)
      try {
        const pkg = await readPluginPackage(staged.folder)
        const state = await Plugin.find(pkg.name)
        if (state?.installedVersion === pkg.version) return { status: 'already_installed', pkg }
        if (state) {
          throw PluginException.versionConflict(
            pkg.name,
            `version ${state.installedVersion} is installed; use plugin:upgrade to go to ${pkg.version}`
          )
        }
        await this.assertCompatible(pkg)
        const plan = await this.plan(pkg, null)
        if (options.dryRun) return { status: 'planned', plan }

        const steps = new CompensatingSteps(pkg.name)
        const { placed, placedPkg: installed } = await this.placeWithDependencies(
          steps,
          staged,
          pkg,
          'copying it into the plugins folder'
        )
        await steps.run(
          'running its migrations',
          () => this.migrator.migrate(installed, options.actor.label),
          (ids) => this.migrator.revert(installed, ids, options.actor.label)
        )
        const definition = await steps.run('loading plugin.ts', () =>
          this.directory.loadDefinition(installed)
        )
        plan.hooks ??= hooksOf(definition, 'install')
        await steps.run('running its install hook', async () =>
          definition.hooks?.install?.(this.hookContext(installed, definition, null))
        )
        await steps.run(
          'recording its checksums',
          () => this.integrity.recordPlugin(pkg.name, pkg.version, options.actor.label),
          (restore) => restore()
        )
        await steps.run('recording it installed', () =>
          this.writeState(
            options.actor,
            'plugin.install',
            pkg.name,
            { version: pkg.version },
            (client) =>
              Plugin.create(
                {
                  name: pkg.name,
                  installedVersion: pkg.version,
                  enabled: false,
                  installedAt: DateTime.utc(),
                },
                { client }
              )
          )
        )
        await placed.commit()
        return {
          status: 'installed',
          plan,
          patches: await this.afterChange(pkg.name, options.actor),
        }
      } finally {
        await staged.discard()
      }
    })
  }

  /**
   * Upgrades to the version in `source`, or to the files already in
   * `plugins/<name>` when no source is given.
   */
  async upgrade(
    name: string,
    source: string | undefined,
    options: { actor: PluginActor; dryRun?: boolean }
  ): Promise<InstallResult> {
    return this.lock.hold(`upgrade ${name}`, async () => {
      const state = await this.installedState(name)
      const staged = source
        ? await this.sources.stage(source)
        : { folder: this.directory.folderOf(name), discard: async () => {} }
      try {
        const pkg = await readPluginPackage(staged.folder)
        if (pkg.name !== name) {
          throw PluginException.invalidPackage(
            staged.folder,
            `it holds plugin "${pkg.name}", not "${name}"`
          )
        }
        if (pkg.version === state.installedVersion) return { status: 'already_installed', pkg }
        if (semver.lt(pkg.version, state.installedVersion)) {
          throw PluginException.versionConflict(
            name,
            `${pkg.version} is older than the installed ${state.installedVersion}; downgrades are not supported`
          )
        }
        await this.assertCompatible(pkg)
        const plan = await this.plan(pkg, state.installedVersion)
        if (options.dryRun) return { status: 'planned', plan }

        const steps = new CompensatingSteps(name)
        const { placed, placedPkg: upgraded } = await this.placeWithDependencies(
          steps,
          staged,
          pkg,
          'copying the new version into the plugins folder'
        )
        await steps.run(
          'running its new migrations',
          () => this.migrator.migrate(upgraded, options.actor.label),
          (ids) => this.migrator.revert(upgraded, ids, options.actor.label)
        )
        const definition = await steps.run('loading plugin.ts', () =>
          this.directory.loadDefinition(upgraded)
        )
        plan.hooks ??= hooksOf(definition, 'upgrade')
        await steps.run('running its upgrade hook', async () =>
          definition.hooks?.upgrade?.(this.hookContext(upgraded, definition, state.settings), {
            from: state.installedVersion,
            to: pkg.version,
          })
        )
        await steps.run(
          'recording its checksums',
          () => this.integrity.recordPlugin(name, pkg.version, options.actor.label),
          (restore) => restore()
        )
        await steps.run('recording the new version', () =>
          this.writeState(
            options.actor,
            'plugin.upgrade',
            name,
            { from: state.installedVersion, to: pkg.version },
            (client) =>
              Plugin.query({ client }).where('name', name).update({
                installed_version: pkg.version,
                last_error: null,
                last_error_at: null,
                updated_at: sqlTimestamp(),
              })
          )
        )
        await placed.commit()
        return { status: 'upgraded', plan, patches: await this.afterChange(name, options.actor) }
      } finally {
        await staged.discard()
      }
    })
  }

  /**
   * Puts the staged files at `plugins/<name>` and installs their npm
   * dependencies through the workspace; a later failure undoes both (the
   * app's package files and node_modules are put back after the files).
   */
  private async placeWithDependencies(
    steps: CompensatingSteps,
    staged: StagedSource,
    pkg: PluginPackage,
    label: string
  ) {
    const folder = this.directory.folderOf(pkg.name)
    await steps.run(
      'reading the npm lockfile',
      () => this.dependencies.snapshot(pkg, folder),
      (snapshot) => snapshot.restore()
    )
    const placed = await steps.run(
      label,
      () => this.sources.place(staged.folder, pkg),
      (place) => place.restore()
    )
    const placedPkg = await this.directory.find(pkg.name)
    await steps.run('installing its npm dependencies', () => this.dependencies.install(placedPkg))
    return { placed, placedPkg }
  }

  /** The tables an uninstall without `--keep-data` drops. */
  async tablesOf(name: string) {
    return this.migrator.tables(await this.directory.find(name))
  }

  /**
   * Runs the uninstall hook, rolls the plugin's migrations back (unless
   * `keepData`) and forgets its state. Its files stay in `plugins/`, so it can
   * be installed again.
   */
  async uninstall(name: string, options: { actor: PluginActor; keepData: boolean }) {
    return this.lock.hold(`uninstall ${name}`, async () => {
      const state = await Plugin.find(name)
      if (!state) return { status: 'not_installed' as const }
      const pkg = await this.directory.find(name)
      const dependents = await this.dependentsOf(name)
      if (dependents.length) {
        throw PluginException.versionConflict(
          name,
          `it is needed by ${dependents.join(', ')}; uninstall them first`
        )
      }
      const definition = await this.directory.loadDefinition(pkg)
      const steps = new CompensatingSteps(name)
      await steps.run('running its uninstall hook', async () =>
        definition.hooks?.uninstall?.(this.hookContext(pkg, definition, state.settings), {
          keepData: options.keepData,
        })
      )
      const reverted = options.keepData
        ? []
        : await steps.run(
            'rolling its migrations back',
            () => this.migrator.rollback(pkg, options.actor.label),
            () => this.migrator.migrate(pkg, options.actor.label)
          )
      if (!options.keepData) await this.patches.forget(name, options.actor)
      await steps.run('forgetting its state', () =>
        this.writeState(
          options.actor,
          'plugin.uninstall',
          name,
          { keepData: options.keepData },
          (client) => Plugin.query({ client }).where('name', name).delete()
        )
      )
      await this.integrity.forgetPlugin(name)
      this.registry.invalidate()
      return { status: 'uninstalled' as const, reverted }
    })
  }

  async enable(name: string, actor: PluginActor) {
    return this.lock.hold(`enable ${name}`, async () => {
      const state = await this.installedState(name)
      if (state.enabled) return { status: 'already' as const }
      const pkg = await this.directory.find(name)
      await this.assertCompatible(pkg)
      const definition = await this.directory.loadDefinition(pkg)
      const invalid = await this.settings.invalidFields(definition.settings ?? {}, state.settings)
      if (invalid.length) throw PluginException.invalidSettings(name, invalid)
      await this.setEnabled(state, true, actor)
      return { status: 'changed' as const }
    })
  }

  async disable(name: string, actor: PluginActor) {
    return this.lock.hold(`disable ${name}`, async () => {
      const state = await this.installedState(name)
      if (!state.enabled) return { status: 'already' as const }
      await this.setEnabled(state, false, actor)
      return { status: 'changed' as const }
    })
  }

  /** Validates and stores settings from the admin form. */
  async saveSettings(
    name: string,
    input: Record<string, unknown>,
    locale: Locale,
    actor: PluginActor
  ) {
    return this.lock.hold(`settings of ${name}`, async () => {
      const state = await this.installedState(name)
      const definition = await this.directory.loadDefinition(await this.directory.find(name))
      const fields = definition.settings ?? {}
      const result = await this.settings.validate(fields, input, state.settings, locale)
      if (!result.valid) return result
      // Names only: secret values never reach the audit log.
      await this.writeState(
        actor,
        'plugin.settings',
        name,
        { fields: Object.keys(result.stored) },
        (client) =>
          Plugin.query({ client })
            .where('name', name)
            .update({ settings: JSON.stringify(result.stored), updated_at: sqlTimestamp() })
      )
      this.registry.invalidate()
      return result
    })
  }

  /** Runs the plugin's demo seed hook, with its current settings. */
  async seedDemo(name: string) {
    const state = await this.installedState(name)
    const definition = await this.directory.loadDefinition(await this.directory.find(name))
    const settings = this.settings.open(definition.settings ?? {}, state.settings)
    await definition.hooks?.seedDemo?.({ name, settings, logger: logger.child({ plugin: name }) })
  }

  private async setEnabled(state: Plugin, enabled: boolean, actor: PluginActor) {
    await this.writeState(
      actor,
      enabled ? 'plugin.enable' : 'plugin.disable',
      state.name,
      null,
      (client) =>
        Plugin.query({ client })
          .where('name', state.name)
          .update({
            enabled,
            updated_at: sqlTimestamp(),
            ...(enabled ? { last_error: null, last_error_at: null } : {}),
          })
    )
    this.registry.invalidate()
  }

  private async installedState(name: string) {
    const state = await Plugin.find(name)
    if (!state) throw PluginException.notInstalled(name)
    return state
  }

  /** Refuses a plugin the core or the installed plugins cannot run with. */
  private async assertCompatible(pkg: PluginPackage) {
    const installed = await this.installedVersions()
    const reasons = incompatibilities(pkg, coreVersion(), installed)
    // Its table prefix must be its own: tables with that prefix and no
    // migration of its in the journal belong to someone else.
    const tables = await this.migrator.tables(pkg)
    const applied = await this.migrator.applied(pkg)
    if (!installed.has(pkg.name) && tables.length && !applied.length) {
      reasons.push(`its table prefix is already used by ${tables.join(', ')}`)
    }
    const { packages } = await this.directory.scan()
    for (const dependent of packages) {
      const range = installed.has(dependent.name) ? dependent.requires[pkg.name] : undefined
      if (range && !semver.satisfies(pkg.version, range, { includePrerelease: true })) {
        reasons.push(`${dependent.name} needs ${pkg.name} ${range}`)
      }
    }
    if (reasons.length) throw PluginException.incompatible(pkg.name, reasons)
  }

  private async installedVersions() {
    const states = await Plugin.all()
    return new Map(states.map((state) => [state.name, state.installedVersion]))
  }

  private async dependentsOf(name: string) {
    const installed = await this.installedVersions()
    const { packages } = await this.directory.scan()
    return packages
      .filter((pkg) => installed.has(pkg.name) && pkg.requires[name])
      .map((pkg) => pkg.name)
  }

  /**
   * What an install or upgrade will run. Its hooks are read from plugin.ts,
   * which cannot load before its own npm dependencies are installed.
   */
  private async plan(pkg: PluginPackage, fromVersion: string | null): Promise<PluginPlan> {
    const hook = fromVersion ? 'upgrade' : 'install'
    const definition = Object.keys(pkg.dependencies).length
      ? null
      : await this.directory.loadDefinition(pkg)
    const pendingMigrations = await this.migrator.pending(pkg)
    return {
      pkg,
      fromVersion,
      migrations: pendingMigrations.map((file) => file.id),
      patches: await this.unappliedPatches(pkg),
      hooks: definition ? hooksOf(definition, hook) : null,
    }
  }

  private async unappliedPatches(pkg: PluginPackage) {
    const applied = await this.patches.appliedIds(pkg.name)
    const files = await this.directory.patchFiles(pkg.folder)
    return files.map((file) => file.id).filter((id) => !applied.has(id))
  }

  /**
   * After an install or upgrade: reload plugins, apply the plugin's patches,
   * and record superseded the hot-fixes (of any owner) its new version no
   * longer needs.
   */
  private async afterChange(name: string, actor: PluginActor) {
    this.registry.invalidate()
    const outcomes = [
      ...(await this.patches.applyPending(actor, name)),
      ...(await this.patches.settle(actor, name)),
    ]
    for (const outcome of outcomes) {
      if (outcome.outcome === 'failed')
        logger.warn(`patch ${outcome.owner}/${outcome.id} failed: ${outcome.error}`)
    }
    return outcomes
  }

  private hookContext(
    pkg: PluginPackage,
    definition: PluginDefinition,
    stored: Plugin['settings']
  ) {
    return {
      name: pkg.name,
      settings: stored ? this.settings.open(definition.settings ?? {}, stored) : null,
      logger: logger.child({ plugin: pkg.name }),
    }
  }

  /** A state change and its audit entry, in one transaction. */
  private async writeState<T>(
    actor: PluginActor,
    action: string,
    name: string,
    changes: Record<string, unknown> | null,
    write: (client: TransactionClientContract) => Promise<T>
  ) {
    return db.transaction(async (client) => {
      const result = await write(client)
      await this.auditLog.record(
        {
          actor: actor.admin,
          action,
          entityType: 'plugin',
          entityId: name,
          changes: { ...changes, by: actor.label },
          ip: actor.ip,
        },
        client
      )
      return result
    })
  }
}
