/**
 * Addresses of the files in resources/public. A page links each through its
 * content hash (`/assets/css/app.3f2a9c1b0d.css`): a new version of the file
 * has a new address, so browsers and CDNs may keep one for a year. Pure: the
 * hashing and the files live in #services/assets/public_assets.
 */

/** Hex digits of the content's SHA-256 in a hashed address: 40 bits, no collision among a shop's few files. */
export const HASH_LENGTH = 10

/**
 * A path inside the public folder as pages and URLs name it: plain segments,
 * none starting with a dot (no `..`, no dotfile), no backslash or encoded
 * character, so it cannot lead out of the folder.
 */
const PUBLIC_PATH = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/

const HASHED_URL = new RegExp(`^/assets/(.+)\\.([0-9a-f]{${HASH_LENGTH}})(\\.[\\w-]+)?$`)

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATH.test(path)
}

/** `css/app.css` with hash `3f2a9c1b0d` → `/assets/css/app.3f2a9c1b0d.css`. */
export function hashedUrl(path: string, hash: string): string {
  const slash = path.lastIndexOf('/')
  const dot = path.lastIndexOf('.')
  const [name, extension] = dot > slash + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, '']
  return `/assets/${name}.${hash}${extension}`
}

/** The file and hash a hashed address names, or null when it is not one. */
export function parseHashedUrl(url: string): { path: string; hash: string } | null {
  const match = HASHED_URL.exec(url)
  if (!match) return null
  const path = `${match[1]}${match[3] ?? ''}`
  return isPublicPath(path) ? { path, hash: match[2] } : null
}

const MEDIA_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  map: 'application/json; charset=utf-8',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  woff: 'font/woff',
  woff2: 'font/woff2',
  pdf: 'application/pdf',
}

/** The `Content-Type` of a public file, by its extension. */
export function mediaTypeOf(path: string): string {
  const extension = /\.([\w-]+)$/.exec(path)?.[1].toLowerCase() ?? ''
  return MEDIA_TYPES[extension] ?? 'application/octet-stream'
}
