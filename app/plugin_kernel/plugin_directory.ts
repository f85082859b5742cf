import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PluginDefinition } from '@comptoir/contracts/plugin_manifest'
import PluginException from '#exceptions/plugin_exception'
import { type PluginPackage, readPluginPackage } from '#plugin_kernel/plugin_package'

const CODE_FILE = /^[^.].*\.(ts|js)$/

/**
 * The plugins folder: one sub-folder per plugin, each an npm workspace
 * package. Reads metadata without running code, and loads code on demand.
 */
export default class PluginDirectory {
  constructor(readonly root: string) {}

  folderOf(name: string) {
    return join(this.root, name)
  }

  /**
   * Every plugin folder's package, and the folders whose package.json is
   * unusable (reported, never fatal).
   */
  async scan() {
    const packages: PluginPackage[] = []
    const broken: { folder: string; error: string }[] = []
    const entries = existsSync(this.root) ? await readdir(this.root, { withFileTypes: true }) : []
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue
      try {
        packages.push(await readPluginPackage(join(this.root, entry.name)))
      } catch (error) {
        broken.push({ folder: entry.name, error: (error as Error).message })
      }
    }
    return { packages: packages.sort((a, b) => a.name.localeCompare(b.name)), broken }
  }

  async find(name: string) {
    const folder = this.folderOf(name)
    if (!existsSync(join(folder, 'package.json'))) throw PluginException.notFound(name)
    const pkg = await readPluginPackage(folder)
    if (pkg.name !== name) {
      throw PluginException.invalidPackage(
        folder,
        `its package is named "${pkg.name}", not "${name}"`
      )
    }
    return pkg
  }

  migrationFiles(folder: string) {
    return this.codeFilesOf(join(folder, 'database', 'migrations'))
  }

  patchFiles(folder: string) {
    return this.codeFilesOf(join(folder, 'patches'))
  }

  /**
   * Imports `plugin.ts` (or the built `plugin.js`). The version in the URL makes
   * an upgraded plugin load its new code in a running process.
   */
  async loadDefinition(pkg: PluginPackage): Promise<PluginDefinition> {
    const entry = ['plugin.js', 'plugin.ts']
      .map((file) => join(pkg.folder, file))
      .find((file) => existsSync(file))
    if (!entry) throw PluginException.invalidPackage(pkg.folder, 'plugin.ts is missing')
    const module = await import(`${pathToFileURL(entry).href}?version=${pkg.version}`)
    if (!module.default || typeof module.default !== 'object') {
      throw PluginException.invalidPackage(
        pkg.folder,
        'plugin.ts must export definePlugin({...}) by default'
      )
    }
    return module.default as PluginDefinition
  }

  /** Code files of a folder by name, which is their run order. */
  async codeFilesOf(folder: string) {
    if (!existsSync(folder)) return []
    const entries = await readdir(folder)
    const names = entries.filter((name) => CODE_FILE.test(name) && !name.endsWith('.d.ts'))
    return names
      .sort()
      .map((name) => ({ id: basename(name).replace(/\.(ts|js)$/, ''), path: join(folder, name) }))
  }
}
