import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { type Encoding, MIN_COMPRESSED_BYTES } from '#support/content_encoding'

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * How hard to compress. A static file is compressed once and served for a
 * year: the smallest result is worth 40–80 ms once. A page is compressed on
 * every response: brotli 4 and gzip 6 take well under a millisecond for a
 * 20–50 KB page and land within a few percent of the best (README, HTTP
 * caching, has the measurements).
 */
const LEVELS = {
  static: { br: 11, gzip: 9 },
  dynamic: { br: 4, gzip: 6 },
} as const

export type Effort = keyof typeof LEVELS

/** A body in one coding, off the event loop (zlib runs in libuv's thread pool). */
export function compress(body: Buffer, encoding: Encoding, effort: Effort): Promise<Buffer> {
  const level = LEVELS[effort][encoding]
  if (encoding === 'gzip') return gzipAsync(body, { level })
  return brotliAsync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: level,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  })
}

export type Variants = Partial<Record<Encoding, Buffer>>

const variantsOf = new WeakMap<Buffer, Promise<Variants>>()

/**
 * A file's brotli and gzip forms at the highest effort, computed once per
 * content (a changed file is a new buffer) and kept in memory as long as the
 * file is. A file under 1 KB is sent as it is, like a page, and a coding that
 * does not make the file smaller is left out.
 */
export function precompressed(body: Buffer): Promise<Variants> {
  if (body.length < MIN_COMPRESSED_BYTES) return Promise.resolve({})
  let variants = variantsOf.get(body)
  if (!variants) {
    variants = Promise.all([compress(body, 'br', 'static'), compress(body, 'gzip', 'static')]).then(
      ([br, gzipped]) => ({
        ...(br.length < body.length ? { br } : {}),
        ...(gzipped.length < body.length ? { gzip: gzipped } : {}),
      })
    )
    variantsOf.set(body, variants)
  }
  return variants
}
