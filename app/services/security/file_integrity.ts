import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { lstat, readFile, readdir, readlink, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import {
  CORE_TRACKED,
  type FileChange,
  type FileManifest,
  compareManifests,
  integrityStatus,
  isSkippedFolder,
} from '#domain/file_integrity'
import { CORE_PACKAGE } from '#domain/security_advisories'
import IntegrityBaseline from '#models/integrity_baseline'
import IntegrityCheck from '#models/integrity_check'
import Plugin from '#models/plugin'
import { coreVersion } from '#plugin_kernel/plugin_registry'

/** Files hashed at once: enough to keep the disk busy, few open descriptors. */
const CONCURRENCY = 16

export interface IntegrityRoots {
  /** The app folder: the build output in production, the sources in a checkout. */
  appRoot: string
  pluginsRoot: string
}

interface Component {
  name: string
  version: string
  folder: string
  /** Tracked entries of the folder; null: all of it. */
  entries: string[] | null
}

export interface BaselineResult {
  components: { name: string; version: string; files: number }[]
  durationMs: number
}

/**
 * Checksums of the files the shop runs, recorded as a baseline (one manifest
 * row per component) and compared with the disk: a changed, added or removed
 * file is the usual trace of an injected card skimmer. Rows in the database,
 * so any process (cron, the admin) reads the same baseline and last result.
 */
export default class FileIntegrity {
  constructor(protected roots: IntegrityRoots) {}

  /** Records the core and every plugin folder, replacing any previous baseline. */
  async baseline(actor: string): Promise<BaselineResult> {
    const started = performance.now()
    const components = await this.components()
    const manifests = await Promise.all(components.map((component) => this.hash(component)))
    await db.transaction(async (client) => {
      await IntegrityBaseline.query({ client }).delete()
      for (const [index, component] of components.entries()) {
        await IntegrityBaseline.create(this.row(component, manifests[index], actor), { client })
      }
    })
    return {
      components: components.map((component, index) => ({
        name: component.name,
        version: component.version,
        files: Object.keys(manifests[index]).length,
      })),
      durationMs: Math.round(performance.now() - started),
    }
  }

  /**
   * Records one plugin's files (install, upgrade); returns how to put the
   * previous record back if the operation is undone.
   */
  async recordPlugin(name: string, version: string, actor: string) {
    const component = this.plugin(name, version)
    const manifest = await this.hash(component)
    const previous = await IntegrityBaseline.find(name)
    const kept = previous && {
      component: name,
      version: previous.version,
      files: previous.files,
      fileCount: previous.fileCount,
      recordedAt: previous.recordedAt,
      recordedBy: previous.recordedBy,
    }
    await IntegrityBaseline.updateOrCreate(
      { component: name },
      this.row(component, manifest, actor)
    )
    return async () => {
      await this.forgetPlugin(name)
      if (kept) await IntegrityBaseline.create(kept)
    }
  }

  async forgetPlugin(name: string) {
    await IntegrityBaseline.query().where('component', name).delete()
  }

  /** Compares the disk with the baseline and records the result. */
  async verify(actor: string): Promise<IntegrityCheck> {
    const started = performance.now()
    const rows = await IntegrityBaseline.all()
    const baselines = new Map(rows.map((baseline) => [baseline.component, baseline]))
    const changes: FileChange[] = []
    const unbaselined: string[] = []
    let filesChecked = 0
    for (const component of await this.components()) {
      const baseline = baselines.get(component.name)
      if (!baseline) {
        unbaselined.push(component.name)
        continue
      }
      const current = await this.hash(component)
      filesChecked += Object.keys(current).length
      changes.push(...compareManifests(component.name, baseline.files, current))
    }
    return IntegrityCheck.create({
      checkedAt: DateTime.utc(),
      status: integrityStatus(baselines.size > 0, changes, unbaselined),
      filesChecked,
      durationMs: Math.round(performance.now() - started),
      changes,
      unbaselined: baselines.size ? unbaselined : [],
      checkedBy: actor,
    })
  }

  /**
   * The core, every installed plugin at its installed version, and every
   * other plugin folder: the web process imports each compatible folder's
   * plugin.ts at boot for its routes, installed or not, so a dropped-in
   * folder runs and must be tracked too.
   */
  private async components(): Promise<Component[]> {
    const plugins = await Plugin.query().orderBy('name')
    const installed = new Set(plugins.map((plugin) => plugin.name))
    const others: Component[] = []
    for (const name of await this.pluginFolders()) {
      if (!installed.has(name)) others.push(this.plugin(name, await this.folderVersion(name)))
    }
    return [
      {
        name: CORE_PACKAGE,
        version: coreVersion(),
        folder: this.roots.appRoot,
        entries: CORE_TRACKED,
      },
      ...plugins.map((plugin) => this.plugin(plugin.name, plugin.installedVersion)),
      ...others,
    ]
  }

  /** The folders of plugins/ the plugin directory scans (dot folders never load). */
  private async pluginFolders() {
    const entries = await readdir(this.roots.pluginsRoot, { withFileTypes: true }).catch(() => [])
    return entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .filter((entry) => !isSkippedFolder(entry.name))
      .map((entry) => entry.name)
      .sort()
  }

  /** A folder's package version, "-" when its package.json is unreadable. */
  private async folderVersion(name: string) {
    const manifest = join(this.roots.pluginsRoot, name, 'package.json')
    const pkg = await readFile(manifest, 'utf8')
      .then((text) => JSON.parse(text) as { version?: unknown })
      .catch(() => null)
    return typeof pkg?.version === 'string' ? pkg.version.slice(0, 64) : '-'
  }

  private plugin(name: string, version: string): Component {
    return { name, version, folder: join(this.roots.pluginsRoot, name), entries: null }
  }

  private row(component: Component, files: FileManifest, actor: string) {
    return {
      component: component.name,
      version: component.version,
      files,
      fileCount: Object.keys(files).length,
      recordedAt: DateTime.utc(),
      recordedBy: actor,
    }
  }

  /** Every tracked file of a component with its SHA-256, streamed a few files at a time. */
  private async hash(component: Component): Promise<FileManifest> {
    const paths: string[] = []
    const links: FileManifest = {}
    const visit = async (relative: string) => {
      // The plugin folder itself is followed: the registry loads a linked folder's code.
      const info = await (relative ? lstat : stat)(join(component.folder, relative)).catch(
        () => null
      )
      if (!info) return
      if (info.isSymbolicLink()) {
        // A link is recorded by where it points, never followed.
        links[relative] = `link:${await readlink(join(component.folder, relative))}`
      } else if (info.isFile()) {
        paths.push(relative)
      } else if (info.isDirectory()) {
        for (const entry of await readdir(join(component.folder, relative))) {
          if (!isSkippedFolder(entry)) await visit(relative ? `${relative}/${entry}` : entry)
        }
      }
    }
    if (component.entries) {
      for (const entry of component.entries) await visit(entry)
    } else {
      await visit('')
    }
    const manifest: FileManifest = { ...links }
    for (let index = 0; index < paths.length; index += CONCURRENCY) {
      const batch = paths.slice(index, index + CONCURRENCY)
      const checksums = await Promise.all(batch.map((path) => sha256(join(component.folder, path))))
      batch.forEach((path, position) => (manifest[path] = checksums[position]))
    }
    return manifest
  }
}

async function sha256(path: string) {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk)
  return hash.digest('hex')
}

/** The last security:verify result, for the Security page and the evidence. */
export function lastIntegrityCheck() {
  return IntegrityCheck.query().orderBy('id', 'desc').first()
}
