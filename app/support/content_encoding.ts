/**
 * Content negotiation for compressed responses (RFC 9110 §12.5.3, §8.4):
 * which coding a client accepts, which bodies are worth compressing, and the
 * headers that say a response depends on it. Pure: no framework, no zlib.
 */

/** The codings the shop sends, best first: brotli is smaller than gzip at the same cost. */
export const ENCODINGS = ['br', 'gzip'] as const
export type Encoding = (typeof ENCODINGS)[number]

/** Under this size a compressed body saves less than the headers and the work cost. */
export const MIN_COMPRESSED_BYTES = 1024

/**
 * The coding to send for an `Accept-Encoding` header, or null for the body as
 * it is. No header means identity (clients that decode say so); `*` stands
 * for any coding not named; `q=0` refuses one; the highest q wins, and among
 * equals the shop's order (brotli first).
 */
export function negotiateEncoding(
  header: string | string[] | undefined | null,
  available: readonly Encoding[] = ENCODINGS
): Encoding | null {
  if (header === undefined || header === null) return null
  const weights = new Map<string, number>()
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const coding = name.trim() === 'x-gzip' ? 'gzip' : name.trim()
    const weight = qValue(params)
    // A coding named twice keeps its best weight.
    if (weight !== null) weights.set(coding, Math.max(weight, weights.get(coding) ?? 0))
  }

  let best: Encoding | null = null
  let bestWeight = 0
  for (const coding of available) {
    const weight = weights.get(coding) ?? weights.get('*') ?? 0
    if (weight > bestWeight) {
      best = coding
      bestWeight = weight
    }
  }
  return best
}

/** The `q` of a coding: 1 when absent, null when unreadable (the entry is ignored). */
function qValue(params: string[]): number | null {
  for (const param of params) {
    const [key, value] = param.split('=').map((item) => item.trim())
    if (key !== 'q') continue
    if (!/^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value ?? '')) return null
    return Number(value)
  }
  return 1
}

/**
 * Whether a body of this media type shrinks when compressed: text, JSON, XML,
 * JavaScript and SVG do; images, PDFs, fonts in woff2, media and archives are
 * compressed already.
 */
export function isCompressibleType(contentType: string | null | undefined): boolean {
  if (!contentType) return false
  const type = contentType.split(';')[0].trim().toLowerCase()
  return (
    type.startsWith('text/') ||
    /^application\/(?:json|xml|javascript|x-javascript|ecmascript)$/.test(type) ||
    /^application\/[\w.-]+\+(?:json|xml)$/.test(type) ||
    type === 'image/svg+xml'
  )
}

/** The field names of a `Vary` header. */
function varyFields(current: string | string[] | number | undefined): string[] {
  return (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

/** Whether a `Vary` value names `field` (or `*`, every field). */
export function variesOn(current: string | string[] | number | undefined, field: string): boolean {
  return varyFields(current).some(
    (item) => item === '*' || item.toLowerCase() === field.toLowerCase()
  )
}

/** A `Vary` value that also names `field`, keeping what it named already. */
export function varyWith(current: string | string[] | number | undefined, field: string): string {
  const fields = varyFields(current)
  return (variesOn(current, field) ? fields : [...fields, field]).join(', ')
}

/**
 * The ETag of a compressed representation. A strong validator promises the
 * same bytes (RFC 9110 §8.8.1), and a compressed body has other bytes than the
 * one the tag was computed on: it becomes weak, as nginx does, and still
 * matches in `If-None-Match`, which compares weakly.
 */
export function weakEtag(etag: string): string {
  return etag.startsWith('W/') ? etag : `W/${etag}`
}
