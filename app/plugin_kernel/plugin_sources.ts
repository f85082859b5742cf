import { existsSync, statSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { extract } from 'tar'
import PluginException from '#exceptions/plugin_exception'
import { looksLikePath, parseNpmPackageSpec } from '#plugin_kernel/npm_package_spec'
import { runNpm } from '#plugin_kernel/npm_cli'
import type PluginDirectory from '#plugin_kernel/plugin_directory'
import type { PluginPackage } from '#plugin_kernel/plugin_package'

const TARBALL = /\.(tgz|tar\.gz)$/

export interface StagedSource {
  folder: string
  /** Removes what staging created (never the source itself). */
  discard(): Promise<void>
}

/**
 * Where plugin code comes from (a folder, an npm-packed .tgz, a package on
 * the npm registry) and how it gets into the plugins folder.
 */
export default class PluginSources {
  constructor(
    protected directory: PluginDirectory,
    /** Where npm runs: the app folder, root of the plugins' npm workspace. */
    protected appRoot: string
  ) {}

  /**
   * Makes the source available as a folder next to the plugins: an existing
   * folder or .tgz, else a package of the npm registry (`name`,
   * `@scope/name`, `name@^1.2.0`), which `npm pack` downloads as a .tgz.
   */
  async stage(source: string): Promise<StagedSource> {
    const path = resolve(source)
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) {
        if (dirname(path) === resolve(this.directory.root)) {
          return { folder: path, discard: async () => {} }
        }
        return this.copy(path)
      }
      if (TARBALL.test(source)) return this.extract(path)
    } else if (looksLikePath(source)) {
      throw PluginException.sourceNotFound(source)
    } else if (parseNpmPackageSpec(source)) {
      return this.download(source)
    }
    throw PluginException.unknownSource(source)
  }

  /**
   * Puts a staged plugin at `plugins/<name>`, keeping any previous version
   * aside; returns how to put things back.
   */
  async place(staged: string, pkg: PluginPackage) {
    const target = this.directory.folderOf(pkg.name)
    if (resolve(staged) === resolve(target))
      return { restore: async () => {}, commit: async () => {} }

    const previous = existsSync(target) ? await this.setAside(target) : null
    await cp(staged, target, {
      recursive: true,
      filter: (source) => !relative(staged, source).split(/[\\/]/).includes('node_modules'),
    })
    return {
      restore: async () => {
        await rm(target, { recursive: true, force: true })
        if (previous) await rename(previous, target)
      },
      commit: async () => {
        if (previous) await rm(previous, { recursive: true, force: true })
      },
    }
  }

  /**
   * Downloads with npm in the app folder, so the registry, scopes and auth
   * tokens of the app's and the user's npm configuration apply.
   */
  private async download(spec: string): Promise<StagedSource> {
    const download = await this.stagingFolder()
    try {
      let filename: string
      try {
        const packed = await runNpm(['pack', spec, '--pack-destination', download], this.appRoot)
        filename = JSON.parse(packed)[0].filename
      } catch (error) {
        throw PluginException.downloadFailed(spec, (error as Error).message)
      }
      return await this.extract(join(download, filename))
    } finally {
      await rm(download, { recursive: true, force: true })
    }
  }

  /** A folder from elsewhere is copied first: its code then resolves the app's packages. */
  private async copy(source: string): Promise<StagedSource> {
    const folder = await this.stagingFolder()
    await cp(source, folder, {
      recursive: true,
      filter: (path) => !relative(source, path).split(/[\\/]/).includes('node_modules'),
    })
    return { folder, discard: () => rm(folder, { recursive: true, force: true }) }
  }

  private async extract(tarball: string): Promise<StagedSource> {
    const folder = await this.stagingFolder()
    try {
      // npm pack puts everything under "package/".
      // Plain files and folders only: no links, devices or other surprises.
      await extract({
        file: tarball,
        cwd: folder,
        strip: 1,
        strict: true,
        filter: (_path, entry) =>
          'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
      })
      const files = await readdir(folder)
      if (!files.includes('package.json')) {
        throw new Error('the archive has no package.json at its root')
      }
    } catch (error) {
      await rm(folder, { recursive: true, force: true })
      throw PluginException.invalidPackage(tarball, (error as Error).message)
    }
    return { folder, discard: () => rm(folder, { recursive: true, force: true }) }
  }

  /**
   * Staging happens inside the plugins folder, so staged code resolves the
   * app's packages (for a dry run) and moves into place on the same disk.
   */
  private async stagingFolder() {
    const staging = join(this.directory.root, '.staging')
    await mkdir(staging, { recursive: true })
    return mkdtemp(join(staging, 'source-'))
  }

  private async setAside(target: string) {
    const aside = `${join(this.directory.root, '.staging', 'previous-')}${Date.now()}`
    await mkdir(join(this.directory.root, '.staging'), { recursive: true })
    await rename(target, aside)
    return aside
  }
}
