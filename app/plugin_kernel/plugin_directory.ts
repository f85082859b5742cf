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
   * Imports `plugin.ts` (or the built `plugin.js`). Node caches modules for the
   * life of a process, so a process that loaded one version of a plugin cannot
   * load another: the registry refuses that, and a restart picks the new code.
   * With `timeoutMs`, a plugin whose module never finishes loading is refused
   * instead of stalling its caller.
   */
  async loadDefinition(
    pkg: PluginPackage,
    options: { timeoutMs?: number } = {}
  ): Promise<PluginDefinition> {
    const entry = ['plugin.js', 'plugin.ts']
      .map((file) => join(pkg.folder, file))
      .find((file) => existsSync(file))
    if (!entry) throw PluginException.invalidPackage(pkg.folder, 'plugin.ts is missing')
    const module = await withTimeout(
      import(pathToFileURL(entry).href),
      options.timeoutMs,
      `loading ${pkg.name} took longer than ${options.timeoutMs} ms`
    )
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

function withTimeout<T>(work: Promise<T>, timeoutMs: number | undefined, message: string) {
  if (!timeoutMs) return work
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
