/*
| One shopper's cookies, kept the way a browser keeps them for a single site:
| Set-Cookie replaces by name and path, Max-Age/Expires in the past deletes,
| and a request carries the cookies whose path matches.
*/

/** One Set-Cookie header as { name, value, path, expiresAt } (expiresAt null: session cookie). */
export function parseSetCookie(header, now = Date.now()) {
  const [pair, ...attributes] = header.split(';')
  const separator = pair.indexOf('=')
  if (separator <= 0) return null
  const cookie = {
    name: pair.slice(0, separator).trim(),
    value: pair.slice(separator + 1).trim(),
    path: '/',
    expiresAt: null,
  }
  let maxAge = null
  for (const attribute of attributes) {
    const [key, ...rest] = attribute.split('=')
    const value = rest.join('=').trim()
    switch (key.trim().toLowerCase()) {
      case 'path':
        if (value.startsWith('/')) cookie.path = value
        break
      case 'max-age':
        maxAge = Number(value)
        break
      case 'expires': {
        const time = Date.parse(value)
        if (!Number.isNaN(time)) cookie.expiresAt = time
        break
      }
    }
  }
  // Max-Age wins over Expires (RFC 6265 §5.3).
  if (maxAge !== null && Number.isFinite(maxAge)) cookie.expiresAt = now + maxAge * 1000
  return cookie
}

function pathMatches(requestPath, cookiePath) {
  if (requestPath === cookiePath) return true
  if (!requestPath.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'
}

export class CookieJar {
  constructor() {
    this.cookies = new Map()
  }

  /** Stores the Set-Cookie headers of a response. */
  store(setCookieHeaders, now = Date.now()) {
    for (const header of setCookieHeaders) {
      const cookie = parseSetCookie(header, now)
      if (!cookie) continue
      const key = `${cookie.name};${cookie.path}`
      if (cookie.expiresAt !== null && cookie.expiresAt <= now) this.cookies.delete(key)
      else this.cookies.set(key, cookie)
    }
  }

  /** The Cookie header for a request to this path, or null; longer paths first, as browsers do. */
  header(path = '/', now = Date.now()) {
    const matching = [...this.cookies.values()]
      .filter((cookie) => (cookie.expiresAt === null || cookie.expiresAt > now) && pathMatches(path, cookie.path))
      .sort((a, b) => b.path.length - a.path.length)
    return matching.length ? matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') : null
  }

  get(name) {
    for (const cookie of this.cookies.values()) if (cookie.name === name) return cookie.value
    return undefined
  }
}
