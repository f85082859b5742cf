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
    const body = serialized(content)
    const type = response.getHeader('content-type') ?? body?.type
    if (!body || !isCompressibleType(String(type))) return
    response.header('vary', varyWith(response.getHeader('vary'), 'Accept-Encoding'))

    const encoding = negotiateEncoding(request.header('accept-encoding'))
    if (!encoding || body.bytes.length < MIN_COMPRESSED_BYTES) return

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
 * The bytes AdonisJS would write for a body, with the type it would infer:
 * strings starting with a tag are HTML, objects JSON; a Buffer has only the
 * type its sender set. Null for what it cannot serialise the same way.
 */
function serialized(content: unknown): { bytes: Buffer; type: string | null } | null {
  if (typeof content === 'string') {
    const html = content.trimStart().startsWith('<')
    return {
      bytes: Buffer.from(content),
      type: html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    }
  }
  if (Buffer.isBuffer(content)) return { bytes: content, type: null }
  if (content instanceof Uint8Array) return { bytes: Buffer.from(content), type: null }
  if (content === null || typeof content !== 'object') return null
  if (content instanceof Date || content instanceof RegExp) return null
  try {
    return { bytes: Buffer.from(JSON.stringify(content)), type: 'application/json; charset=utf-8' }
  } catch {
    return null
  }
}
