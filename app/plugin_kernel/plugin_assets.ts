import { createHash } from 'node:crypto'
import { readFile, realpath, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { PaymentLogo } from '@comptoir/contracts/payment_provider'
import {
  assetUrl,
  checkSvgLogo,
  isLogoFile,
  logoSizeProblem,
} from '#plugin_kernel/plugin_asset_rules'
import type PluginRegistry from '#plugin_kernel/plugin_registry'

export interface AssetFile {
  body: Buffer
  /** A hash of the content: the `v` of its address and its ETag. */
  version: string
  /** Display size in CSS pixels, from the SVG's shape. */
  width: number
  height: number
}

/** A logo ready for an `<img>`. */
export interface LogoImage {
  name: string
  url: string
  width: number
  height: number
}

type Read = { ok: true; file: AssetFile } | { ok: false; reason: string }

/**
 * The files enabled plugins let the storefront show (their logos). Each file
 * is read and checked once per content: again only when its size or
 * modification time changes, so every page can list logos for a `stat` each.
 */
export default class PluginAssets {
  #files = new Map<string, { stamp: string; read: Read }>()
  #reported = new Set<string>()

  constructor(protected registry: PluginRegistry) {}

  /** A servable file of an enabled plugin, or null (unknown, disabled, refused). */
  async file(pluginName: string, file: string): Promise<AssetFile | null> {
    const folder = await this.folderOf(pluginName)
    if (!folder || !isLogoFile(file)) return null
    const read = await this.read(folder, file)
    return read.ok ? read.file : null
  }

  /**
   * A logo a provider declared, or null: one the core cannot use is left out
   * and reported on the plugin's admin page (once per process, not per page).
   */
  async logo(pluginName: string, logo: PaymentLogo): Promise<LogoImage | null> {
    const folder = await this.folderOf(pluginName)
    if (!folder) return null
    const read: Read = isLogoFile(logo.file)
      ? await this.read(folder, logo.file)
      : { ok: false, reason: 'must be an SVG directly in resources/logos/, named in lower case' }
    if (!read.ok) {
      await this.report(pluginName, `logo ${logo.file} ${read.reason}`)
      return null
    }
    const { version, width, height } = read.file
    return { name: logo.name, url: assetUrl(pluginName, logo.file, version), width, height }
  }

  private async folderOf(name: string) {
    const active = await this.registry.active()
    return active.find((plugin) => plugin.pkg.name === name)?.pkg.folder ?? null
  }

  private async read(folder: string, file: string): Promise<Read> {
    const path = join(folder, file)
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) return { ok: false, reason: 'is missing' }
    const stamp = `${info.size}:${info.mtimeMs}`
    const cached = this.#files.get(path)
    if (cached?.stamp === stamp) return cached.read
    const read = await this.load(folder, path, info.size)
    this.#files.set(path, { stamp, read })
    return read
  }

  private async load(folder: string, path: string, size: number): Promise<Read> {
    // The name rule keeps the path inside the folder; a symbolic link could still leave it.
    const [root, real] = await Promise.all([realpath(folder), realpath(path)])
    if (!real.startsWith(root + sep)) return { ok: false, reason: 'links outside the plugin' }
    const tooLarge = logoSizeProblem(size)
    if (tooLarge) return { ok: false, reason: tooLarge }
    const body = await readFile(real)
    const check = checkSvgLogo(body.toString('utf8'))
    if (!check.ok) return check
    const version = createHash('sha256').update(body).digest('hex').slice(0, 16)
    return { ok: true, file: { body, version, width: check.width, height: check.height } }
  }

  private async report(pluginName: string, message: string) {
    const key = `${pluginName}\n${message}`
    if (this.#reported.has(key)) return
    this.#reported.add(key)
    await this.registry.recordFault(pluginName, message)
  }
}
