import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { precompressed } from '#support/compression'
import { HASH_LENGTH, hashedUrl, isPublicPath, mediaTypeOf } from '#support/asset_urls'
import type { StaticFile } from '#support/static_file_response'

export interface PublicAsset extends StaticFile {
  /** Relative to the public folder: `css/app.css`. */
  path: string
  /** The hashed address pages link. */
  url: string
}

/** Larger files stay on disk, served by @adonisjs/static at their plain address. */
const MAX_HELD_BYTES = 1024 * 1024

/**
 * The manifest of resources/public: each file's content hash, hashed address
 * and bytes, held in memory with its precompressed forms. In production it is
 * read once at boot (`warm`); elsewhere a file is read again when its size or
 * modification time changes, so an edited stylesheet shows at the next
 * reload, with a new address.
 */
export default class PublicAssets {
  #entries = new Map<string, { stamp: string; asset: PublicAsset }>()
  #warmed = false

  constructor(
    protected root: string,
    protected fixed: boolean
  ) {}

  /** Reads every file now and compresses them in the background. */
  warm() {
    this.#warmed = true
    for (const path of this.list('')) {
      const asset = this.load(path)
      if (asset) void precompressed(asset.body)
    }
  }

  /** The file at a public path, or null (missing, too large, not a public path). */
  find(path: string): PublicAsset | null {
    if (!isPublicPath(path)) return null
    if (this.fixed && !this.#warmed) this.warm()
    return this.fixed ? (this.#entries.get(path)?.asset ?? null) : this.load(path)
  }

  /**
   * The address a page links a public file at (the `asset()` Edge global).
   * A missing file is a mistake in a template: it fails the page loudly.
   */
  url(path: string): string {
    const asset = this.find(path)
    if (asset) return asset.url
    if (isPublicPath(path) && existsSync(join(this.root, path))) return `/${path}`
    throw new Error(`asset('${path}'): resources/public/${path} does not exist`)
  }

  private load(path: string): PublicAsset | null {
    const file = join(this.root, path)
    const info = statSync(file, { throwIfNoEntry: false })
    if (!info?.isFile() || info.size > MAX_HELD_BYTES) {
      this.#entries.delete(path)
      return null
    }
    const stamp = `${info.size}:${info.mtimeMs}`
    const cached = this.#entries.get(path)
    if (cached?.stamp === stamp) return cached.asset

    const body = readFileSync(file)
    const version = createHash('sha256').update(body).digest('hex').slice(0, HASH_LENGTH)
    const asset = {
      path,
      url: hashedUrl(path, version),
      body,
      type: mediaTypeOf(path),
      version,
      lastModified: info.mtime,
    }
    this.#entries.set(path, { stamp, asset })
    return asset
  }

  /** Public paths of the files under a folder, dotfiles left out as @adonisjs/static does. */
  private list(folder: string): string[] {
    return readdirSync(join(this.root, folder), { withFileTypes: true }).flatMap((entry) => {
      const path = folder ? `${folder}/${entry.name}` : entry.name
      if (!isPublicPath(path)) return []
      return entry.isDirectory() ? this.list(path) : [path]
    })
  }
}

/** The shop's public files, shared by the `asset()` global and the middleware serving them. */
export const publicAssets = new PublicAssets(app.publicPath(), app.inProduction)
