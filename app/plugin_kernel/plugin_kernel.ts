import AuditLogService from '#services/audit_log_service'
import FileIntegrity from '#services/security/file_integrity'
import MaintenanceJournal from '#plugin_kernel/maintenance_journal'
import OperationLock from '#plugin_kernel/operation_lock'
import PluginAssets from '#plugin_kernel/plugin_assets'
import PatchRunner from '#plugin_kernel/patch_runner'
import PluginDirectory from '#plugin_kernel/plugin_directory'
import PluginLifecycle from '#plugin_kernel/plugin_lifecycle'
import PluginMigrator from '#plugin_kernel/plugin_migrator'
import PluginOverview from '#plugin_kernel/plugin_overview'
import PluginRegistry from '#plugin_kernel/plugin_registry'
import PluginSettings from '#plugin_kernel/plugin_settings'
import PluginSources from '#plugin_kernel/plugin_sources'
import RequestGuards from '#plugin_kernel/request_guards'
import WorkspaceDependencies from '#plugin_kernel/workspace_dependencies'

export interface PluginKernelOptions {
  /** The app folder: root of the npm workspace the plugins belong to. */
  appRoot: string
  pluginsPath: string
  corePatchesPath: string
  timeoutMs: number
}

/**
 * The plugin platform of one shop, wired for one plugins folder: what ace
 * commands, the admin and the running storefront use. Bound once in the
 * container (tests bind one for a temporary folder).
 */
export default class PluginKernel {
  readonly directory: PluginDirectory
  readonly journal = new MaintenanceJournal()
  readonly settings = new PluginSettings()
  readonly registry: PluginRegistry
  readonly assets: PluginAssets
  readonly migrator: PluginMigrator
  readonly patches: PatchRunner
  readonly lifecycle: PluginLifecycle
  readonly overview: PluginOverview
  readonly guards: RequestGuards
  readonly integrity: FileIntegrity

  constructor(options: PluginKernelOptions) {
    this.directory = new PluginDirectory(options.pluginsPath)
    this.integrity = new FileIntegrity({
      appRoot: options.appRoot,
      pluginsRoot: options.pluginsPath,
    })
    this.registry = new PluginRegistry(this.directory, this.settings, {
      timeoutMs: options.timeoutMs,
    })
    this.assets = new PluginAssets(this.registry)
    this.migrator = new PluginMigrator(this.directory, this.journal)
    const lock = new OperationLock()
    const auditLog = new AuditLogService()
    this.patches = new PatchRunner(
      this.directory,
      this.journal,
      options.corePatchesPath,
      lock,
      auditLog
    )
    this.guards = new RequestGuards(this.registry, this.patches, this.journal)
    this.patches.onChange(() => this.guards.invalidate())
    this.lifecycle = new PluginLifecycle(
      this.directory,
      new PluginSources(this.directory, options.appRoot),
      new WorkspaceDependencies(options.appRoot),
      this.migrator,
      this.patches,
      this.settings,
      this.registry,
      auditLog,
      lock,
      this.integrity
    )
    this.overview = new PluginOverview(
      this.directory,
      this.migrator,
      this.patches,
      this.registry,
      this.settings
    )
  }
}
