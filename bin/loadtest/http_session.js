/*
| A shopper's browser without JavaScript: one cookie jar, redirects followed
| by hand (so every hop's Set-Cookie is kept, and each hop is timed under the
| page it lands on), every request recorded.
*/

import { CookieJar } from './cookie_jar.js'

/** The step a GET lands on, from its path (the /en prefix ignored). */
export function stepOfPath(pathname) {
  const path = pathname.replace(/^\/en(?=\/|$)/, '') || '/'
  if (path === '/') return 'home'
  if (path === '/search') return 'search'
  if (path.startsWith('/c/')) return 'category'
  if (path.startsWith('/p/')) return 'product'
  if (path === '/cart') return 'cart'
  if (path === '/checkout') return 'checkout_start'
  if (path.startsWith('/checkout/confirmation/')) return 'confirmation'
  const checkout = path.match(/^\/checkout\/([a-z_]+)$/)
  if (checkout) return checkout[1]
  return 'other'
}

export class HttpSession {
  /**
   * @param recorder  the run's Recorder
   * @param options   { timeoutMs, userAgent }
   */
  constructor(recorder, { timeoutMs, userAgent = 'comptoir-loadtest' }) {
    this.recorder = recorder
    this.timeoutMs = timeoutMs
    this.userAgent = userAgent
    this.jar = new CookieJar()
    this.page = null
  }

  /**
   * One request, then its redirects as GETs. Returns the final page
   * { url, status, html }; a network failure or a 4xx/5xx is recorded and
   * ends the journey (JourneyError).
   */
  async navigate(step, url, { method = 'GET', body = null } = {}) {
    let current = { step, url: new URL(url, this.page?.url).href, method, body }
    for (let hop = 0; hop < 6; hop++) {
      const response = await this.request(current)
      if (response.status >= 300 && response.status < 400 && response.location) {
        const next = new URL(response.location, current.url)
        current = { step: stepOfPath(next.pathname), url: next.href, method: 'GET', body: null }
        continue
      }
      this.page = { url: current.url, step: current.step, status: response.status, html: response.html }
      if (response.status >= 400) {
        const kind = response.status >= 500 ? '5xx' : '4xx'
        this.recorder.error(current.step, kind, `${current.method} ${new URL(current.url).pathname} answered ${response.status}`)
        throw new JourneyError(`${current.step}: HTTP ${response.status}`)
      }
      return this.page
    }
    this.recorder.error(step, 'assertion', `more than 5 redirects from ${url}`)
    throw new JourneyError('too many redirects')
  }

  async request({ step, url, method, body }) {
    const target = new URL(url)
    const headers = { 'user-agent': this.userAgent, 'accept': 'text/html', 'accept-encoding': 'identity' }
    const cookie = this.jar.header(target.pathname)
    if (cookie) headers.cookie = cookie
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded'
    if (method !== 'GET' && this.page) {
      headers.origin = target.origin
      headers.referer = this.page.url
    }
    const started = performance.now()
    let response
    let html
    try {
      response = await fetch(target, {
        method,
        headers,
        body: body ? body.toString() : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      })
      html = await response.text()
    } catch (error) {
      this.recorder.networkFailure(step, `${method} ${target.pathname}: ${error.cause?.code ?? error.name}: ${error.message}`)
      throw new JourneyError(`${step}: network error`)
    }
    const ms = performance.now() - started
    this.jar.store(response.headers.getSetCookie())
    this.recorder.request(step, {
      ms,
      status: response.status,
      bytes: Buffer.byteLength(html),
      cache: response.headers.get('x-page-cache'),
    })
    return { status: response.status, location: response.headers.get('location'), html }
  }

  /** Records a failed expectation about the page and stops the journey. */
  fail(step, message) {
    this.recorder.error(step, 'assertion', message)
    throw new JourneyError(`${step}: ${message}`)
  }
}

/** Ends a journey; already recorded where it happened. */
export class JourneyError extends Error {}
