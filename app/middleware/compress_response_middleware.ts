import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { compress } from '#support/compression'
import {
  MIN_COMPRESSED_BYTES,
  isCompressibleType,
  negotiateEncoding,
  variesOn,
  varyWith,
  weakEtag,
} from '#support/content_encoding'

/**
 * Compresses text bodies (HTML, JSON, XML, CSS, JS, SVG, plain text) of 1 KB
 * or more with brotli or gzip, as the client's `Accept-Encoding` allows.
 *
 * The outermost server middleware: it acts once every other middleware, the
 * controller and the error handler have set the body (`response.send`, which
 * AdonisJS only writes out after this returns), so a page-cache hit, a 404 or
 * a 500 page are compressed like any page, and exactly once. Streams and file
 * downloads (PDFs, media) are left as they are, and so is anything already
 * encoded or already negotiated (`Vary: Accept-Encoding`, as the asset
 * middlewares set on their precompressed files).
 */
export default class CompressResponseMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await next()
    const { request, response } = ctx
    if (request.method() === 'HEAD' || !response.isPending || !response.hasContent) return
    const status = response.getStatus()
    if (status < 200 || status === 204 || status === 304) return
    if (
      response.getHeader('content-encoding') ||
      variesOn(response.getHeader('vary'), 'Accept-Encoding')
    ) {
      return
    }
    if (/\bno-transform\b/i.test(String(response.getHeader('cache-control') ?? ''))) return

    const [content, generateEtag] = response.content!
    const type = response.getHeader('content-type') ?? inferredType(content)
    if (!type || !isCompressibleType(String(type))) return
    response.header('vary', varyWith(response.getHeader('vary'), 'Accept-Encoding'))

    // Serialised only when it will be compressed: most of a benchmark's clients, and
    // many bots, ask for no coding.
    const encoding = negotiateEncoding(request.header('accept-encoding'))
    const body = encoding ? serialized(content) : null
    if (!encoding || !body || body.bytes.length < MIN_COMPRESSED_BYTES) return

    // The ETag names the page whatever its coding: computed on the plain bytes
    // (a 304 costs no compression), and weak once the bytes are compressed.
    if (generateEtag) response.setEtag(body.bytes)
    const etag = response.getHeader('etag')
    if (etag) {
      response.header('etag', weakEtag(String(etag)))
      if (response.fresh()) return response.notModified()
    }

    response.header('content-type', String(type))
    response.header('content-encoding', encoding)
    response.send(await compress(body.bytes, encoding, 'dynamic'), false)
  }
}

/**
 * The type AdonisJS would infer for a body without one: strings starting with
 * a tag are HTML, other strings text, objects JSON; a Buffer has only the type
 * its sender set.
 */
function inferredType(content: unknown): string | null {
  if (typeof content === 'string') {
    return /^\s*</.test(content) ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8'
  }
  if (content === null || typeof content !== 'object' || content instanceof Uint8Array) return null
  if (content instanceof Date || content instanceof RegExp) return null
  return 'application/json; charset=utf-8'
}

/** The bytes AdonisJS would write for a body; null for what it cannot serialise the same way. */
function serialized(content: unknown): { bytes: Buffer } | null {
  if (typeof content === 'string') return { bytes: Buffer.from(content) }
  if (content instanceof Uint8Array) return { bytes: Buffer.from(content) }
  try {
    return { bytes: Buffer.from(JSON.stringify(content)) }
  } catch {
    return null
  }
}
