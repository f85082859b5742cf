import type { HttpContext } from '@adonisjs/core/http'
import { precompressed } from '#support/compression'
import {
  ENCODINGS,
  type Encoding,
  isCompressibleType,
  negotiateEncoding,
  varyWith,
} from '#support/content_encoding'

/** Addresses that name one content forever (a hash in the URL). */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * Addresses whose content may change (a file's plain URL): kept a few minutes,
 * then checked again with its ETag or Last-Modified, a 304 when unchanged.
 */
export const REVALIDATE = 'public, max-age=300'

/** A file held in memory, ready to answer a GET. */
export interface StaticFile {
  body: Buffer
  /** Its `Content-Type`. */
  type: string
  /** A hash of the content: its ETag. */
  version: string
  lastModified?: Date
}

/**
 * Answers a GET or HEAD with a file held in memory: its type and caching
 * headers, the precompressed form the client accepts (`Vary:
 * Accept-Encoding`; each form has its own ETag, since its bytes differ), or a
 * 304 when the client's copy is current. Sets `Content-Encoding` or `Vary`,
 * so the compression middleware leaves the answer as it is.
 */
export async function sendStaticFile(
  { request, response }: HttpContext,
  file: StaticFile,
  cacheControl: string
) {
  response.header('content-type', file.type)
  response.header('cache-control', cacheControl)
  if (file.lastModified) response.header('last-modified', file.lastModified.toUTCString())

  let body = file.body
  let encoding: Encoding | null = null
  if (isCompressibleType(file.type)) {
    response.header('vary', varyWith(response.getHeader('vary'), 'Accept-Encoding'))
    const variants = await precompressed(file.body)
    encoding = negotiateEncoding(
      request.header('accept-encoding'),
      ENCODINGS.filter((coding) => variants[coding])
    )
    if (encoding) body = variants[encoding]!
  }
  response.header('etag', encoding ? `"${file.version}-${encoding}"` : `"${file.version}"`)

  if (response.fresh()) return response.notModified()
  if (encoding) response.header('content-encoding', encoding)
  return response.send(body, false)
}
