import type { HttpContext } from '@adonisjs/core/http'
import type { SsoAudience } from '@comptoir/contracts/sso_provider'

/** A sign-in started on this browser, kept in its session until the callback. */
export interface SsoFlow {
  code: string
  /** What the provider needs back (its state, nonce, PKCE verifier). */
  state: Record<string, string>
  /** Where to go once signed in (a path of this shop). */
  returnTo: string | null
  startedAt: number
}

/** What the session keeps of a staff SSO sign-in: the provider and its ID token, for logout. */
export const ADMIN_SSO_SESSION_KEY = 'sso.admin.session'
export interface AdminSsoSession {
  code: string
  idToken: string | null
}
/** The provider's end-session URL, offered on the login page after signing out. */
export const PROVIDER_LOGOUT_FLASH = 'ssoProviderLogout'

/** A flow older than this is refused: the provider's page was left open too long. */
const FLOW_TTL_MS = 10 * 60 * 1000

const key = (audience: SsoAudience) => `sso.flow.${audience}`

export function keepFlow(ctx: HttpContext, audience: SsoAudience, flow: SsoFlow) {
  ctx.session.put(key(audience), flow)
}

/**
 * The flow of this browser for this provider, taken out of the session: a
 * callback is answered once, so replaying it finds nothing.
 */
export function takeFlow(
  ctx: HttpContext,
  audience: SsoAudience,
  code: string,
  nowMs = Date.now()
) {
  const flow = ctx.session.pull(key(audience), null) as SsoFlow | null
  if (!flow || flow.code !== code || nowMs - flow.startedAt > FLOW_TTL_MS) return null
  return flow
}

/**
 * The callback's URL as registered at the provider (built from APP_URL, not
 * from the request's Host header) with the query the provider sent.
 */
export function returnedUrl(ctx: HttpContext, callbackUrl: string) {
  const url = new URL(callbackUrl)
  url.search = new URL(ctx.request.url(true), 'http://x').search
  return url.href
}
