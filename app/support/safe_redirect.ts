const ORIGIN = 'http://comptoir.invalid'

function isControlCharacter(character: string) {
  const code = character.charCodeAt(0)
  return code < 0x20 || code === 0x7f
}

/**
 * Where a `next` parameter may send a shopper after signing in: a path on
 * this shop, never another site. "//evil.example", "/\evil.example" and
 * "https://evil.example" are all refused (browsers read the first two as
 * another host, and drop tabs and newlines before doing so). Returns the
 * path to redirect to, or null to fall back to the default page.
 */
export function safeRedirectPath(candidate: unknown): string | null {
  if (typeof candidate !== 'string' || candidate.length > 2048) return null
  if (!candidate.startsWith('/') || candidate.startsWith('//')) return null
  // Backslashes and control characters: browsers normalise them in ways
  // that can turn a path into a host.
  if (candidate.includes('\\') || [...candidate].some(isControlCharacter)) return null
  const url = new URL(candidate, ORIGIN)
  if (url.origin !== ORIGIN) return null
  return `${url.pathname}${url.search}${url.hash}`
}

/** A page's path carrying `next` along (login ⇄ registration links). */
export function withNext(path: string, next: string | null): string {
  return next ? `${path}?${new URLSearchParams({ next })}` : path
}
