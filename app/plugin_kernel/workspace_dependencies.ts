import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { runNpm } from '#plugin_kernel/npm_cli'
import type { PluginPackage } from '#plugin_kernel/plugin_package'

/** What `npm install` rewrites besides node_modules. */
const NPM_FILES = ['package.json', 'package-lock.json']
/** npm's record of what node_modules holds, trusted by its next run. */
const NODE_MODULES_RECORD = join('node_modules', '.package-lock.json')

type LockedPackages = Map<string, { version?: string; resolved?: string }>

/**
 * A plugin's own npm dependencies, installed through the npm workspace the
 * plugins folder belongs to (the app's package.json lists `plugins/*`): npm
 * runs at the app root and records them in the app's lockfile.
 */
export default class WorkspaceDependencies {
  constructor(readonly appRoot: string) {}

  /** `name@range` of each dependency npm installs for the plugin. */
  static of(pkg: PluginPackage) {
    return Object.entries(pkg.dependencies).map(([name, range]) => `${name}@${range}`)
  }

  /** A plugin without dependencies needs no npm run. */
  async install(pkg: PluginPackage) {
    if (!WorkspaceDependencies.of(pkg).length) return
    const workspace = relative(this.appRoot, pkg.folder).split(sep).join('/')
    await runNpm(['install', '--no-audit', '--no-fund', `--workspace=${workspace}`], this.appRoot)
  }

  /**
   * Remembers the app's package files before the plugin at `folder` (with
   * these dependencies) is put in place; `restore()` puts them back and brings
   * node_modules back in line: packages npm added are removed, and if it
   * changed or removed some, npm installs the locked versions again.
   */
  async snapshot(pkg: PluginPackage, folder: string) {
    if (!WorkspaceDependencies.of(pkg).length) return { restore: async () => {} }
    const files = new Map<string, string | null>()
    for (const file of NPM_FILES) files.set(file, await this.read(file))
    return { restore: () => this.restore(files, relative(this.appRoot, folder)) }
  }

  private async restore(files: Map<string, string | null>, pluginFolder: string) {
    const lockfile = 'package-lock.json'
    const after = await this.read(lockfile)
    for (const [file, content] of files) {
      if ((await this.read(file)) === content) continue
      if (content === null) await rm(join(this.appRoot, file), { force: true })
      else await writeFile(join(this.appRoot, file), content)
    }
    if (after === files.get(lockfile)) return

    // Stale once node_modules is put back: npm reads the folders again without it.
    await rm(join(this.appRoot, NODE_MODULES_RECORD), { force: true })
    // The plugin's own folder (and its nested node_modules) is put back by the file step.
    const outside = (path: string) =>
      path.includes('node_modules/') && !path.startsWith(`${pluginFolder}/`)
    const before = lockedPackages(files.get(lockfile) ?? null)
    const installed = lockedPackages(after)
    const added = [...installed.keys()].filter((path) => outside(path) && !before.has(path))
    for (const path of added) await rm(join(this.appRoot, path), { recursive: true, force: true })
    const altered = [...before].some(
      ([path, entry]) =>
        outside(path) &&
        (installed.get(path)?.version !== entry.version ||
          installed.get(path)?.resolved !== entry.resolved)
    )
    if (altered) await runNpm(['install', '--no-audit', '--no-fund'], this.appRoot)
  }

  private read(file: string) {
    return readFile(join(this.appRoot, file), 'utf8').catch(() => null)
  }
}

/** The lockfile's packages, by their path (`node_modules/@scope/name`). */
function lockedPackages(lockfile: string | null): LockedPackages {
  if (!lockfile) return new Map()
  return new Map(Object.entries(JSON.parse(lockfile).packages ?? {}))
}
