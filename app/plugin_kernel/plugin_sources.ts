import { execFile } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { extract } from 'tar'
import app from '@adonisjs/core/services/app'
import PluginException from '#exceptions/plugin_exception'
import type PluginDirectory from '#plugin_kernel/plugin_directory'
import type { PluginPackage } from '#plugin_kernel/plugin_package'

const run = promisify(execFile)
const NPM_PACKAGE = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(@[\w.^~<>=|* -]+)?$/

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
  constructor(protected directory: PluginDirectory) {}

  /** Makes the source available as a folder next to the plugins. */
  async stage(source: string): Promise<StagedSource> {
    const path = resolve(source)
    if (existsSync(path) && statSync(path).isDirectory()) {
      if (dirname(path) === resolve(this.directory.root)) {
        return { folder: path, discard: async () => {} }
      }
      return this.copy(path)
    }
    if (/\.(tgz|tar\.gz)$/.test(source) && existsSync(path)) {
      return this.extract(path)
    }
    if (NPM_PACKAGE.test(source)) {
      const download = await this.stagingFolder()
      try {
        const { stdout } = await run('npm', [
          'pack',
          source,
          '--pack-destination',
          download,
          '--json',
        ])
        const [{ filename }] = JSON.parse(stdout)
        const staged = await this.extract(join(download, filename))
        return {
          folder: staged.folder,
          discard: async () => {
            await staged.discard()
            await rm(download, { recursive: true, force: true })
          },
        }
      } catch (error) {
        await rm(download, { recursive: true, force: true })
        throw PluginException.stepFailed(source, 'downloading from npm', error)
      }
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
   * Installs the plugin's own npm dependencies through the workspace; a
   * plugin without dependencies needs nothing.
   */
  async installDependencies(pkg: PluginPackage) {
    if (!Object.keys(pkg.dependencies).length) return false
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', `--workspace=${relative(app.makePath(), pkg.folder)}`],
      { cwd: app.makePath() }
    )
    return true
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
