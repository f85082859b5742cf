import { readFile } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import app from '@adonisjs/core/services/app'

/** A feed is a few hundred advisories at most: anything far bigger is refused unread. */
const MAX_BYTES = 5 * 1024 * 1024

export interface DownloadedFeed {
  /** The exact bytes, as signed. */
  feed: Buffer
  signature: string
}

/**
 * Reads the feed and its detached signature (`<source>.sig`) from an http(s)
 * URL, a file: URL or a path (relative to the app folder). Throws an Error
 * saying what could not be read and why, never with the URL's credentials.
 */
export async function downloadFeed(source: string, timeoutMs: number): Promise<DownloadedFeed> {
  if (/^https?:\/\//i.test(source)) {
    if (!URL.canParse(source)) throw new Error(`${displaySource(source)} is not a valid URL`)
    const url = new URL(displaySource(source))
    const signatureUrl = new URL(url)
    signatureUrl.pathname += '.sig'
    const init = { signal: AbortSignal.timeout(timeoutMs), headers: headersFor(source) }
    const [feed, signature] = await Promise.all([
      fetchBytes(url, init),
      fetchBytes(signatureUrl, init),
    ])
    return { feed, signature: signature.toString('utf8') }
  }
  const path = source.startsWith('file:')
    ? fileURLToPath(source)
    : isAbsolute(source)
      ? source
      : app.makePath(source)
  const [feed, signature] = await Promise.all([readLocal(path), readLocal(`${path}.sig`)])
  return { feed, signature: signature.toString('utf8') }
}

/**
 * The source as it may be shown and stored: without the credentials a
 * private mirror's URL may carry.
 */
export function displaySource(source: string) {
  if (!/^https?:\/\//i.test(source)) return source
  // A mistyped URL is named in its refusal: everything up to its last "@" is cut, credentials or not.
  if (!URL.canParse(source)) return source.replace(/^(https?:\/\/).*@/i, '$1')
  const url = new URL(source)
  url.username = ''
  url.password = ''
  return url.href
}

/** fetch refuses URLs with credentials: a private mirror's go in a Basic header. */
function headersFor(source: string): Record<string, string> {
  const { username, password } = new URL(source)
  const headers: Record<string, string> = { accept: 'application/json, text/plain' }
  if (username || password) {
    const credentials = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`
    headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`
  }
  return headers
}

async function fetchBytes(url: URL, init: RequestInit) {
  let response: Response
  try {
    response = await fetch(url, init)
  } catch (error) {
    throw new Error(`cannot download ${url.href}: ${reason(error)}`)
  }
  if (!response.ok) throw new Error(`cannot download ${url.href}: HTTP ${response.status}`)
  const length = Number(response.headers.get('content-length') ?? 0)
  if (length > MAX_BYTES) throw new Error(`${url.href} is larger than ${MAX_BYTES} bytes`)
  return readCapped(response, url)
}

/** A chunked answer announces no length: counted as it arrives, never buffered past the cap. */
async function readCapped(response: Response, url: URL) {
  const chunks: Buffer[] = []
  let size = 0
  try {
    // Throwing out of the loop cancels the stream.
    for await (const chunk of response.body ?? []) {
      size += chunk.length
      if (size > MAX_BYTES) throw new Error(`${url.href} is larger than ${MAX_BYTES} bytes`)
      chunks.push(Buffer.from(chunk))
    }
  } catch (error) {
    if (size > MAX_BYTES) throw error
    throw new Error(`cannot download ${url.href}: ${reason(error)}`)
  }
  return Buffer.concat(chunks)
}

async function readLocal(path: string) {
  try {
    return await readFile(path)
  } catch (error) {
    throw new Error(`cannot read ${path}: ${reason(error)}`)
  }
}

/** fetch hides the network error (ECONNREFUSED, ENOTFOUND) in its cause. */
function reason(error: unknown) {
  const failure = error as Error & {
    code?: string
    cause?: { code?: string; message?: string }
  }
  if (failure.name === 'TimeoutError') return 'no answer in time'
  return failure.cause?.code ?? failure.cause?.message ?? failure.code ?? failure.message
}
