import type { Locale } from './commerce.js'

export type SsoAudience = 'shoppers' | 'admins'

/**
 * An identity proven by a provider, with only the claims the core uses. The
 * provider builds it from an ID token it has validated (signature against the
 * issuer's keys, issuer, audience, expiry, nonce): the core trusts it as is.
 */
export interface VerifiedIdentity {
  /** The provider's stable subject identifier (`sub`). */
  readonly subject: string
  /** Lower-cased, or null when the provider shares none. */
  readonly email: string | null
  /**
   * Whether the provider vouches that the email belongs to the subject
   * (`email_verified`). Only then may the core link an existing account with
   * that email.
   */
  readonly emailVerified: boolean
  readonly givenName?: string
  readonly familyName?: string
  /** Group or role claims, for mapping admin roles. */
  readonly groups?: readonly string[]
  /**
   * The raw ID token, kept by the core in the session only to pass back as
   * `idTokenHint` to `logoutUrl`.
   */
  readonly idToken?: string
}

/**
 * `url` is where to send the browser; `state` is what the provider needs back
 * at the callback (its `state`, `nonce` and PKCE verifier): the core keeps it
 * in the session, server-side, and uses it once.
 */
export type SsoStart = { kind: 'redirect'; url: string; state: Record<string, string> }

/**
 * `rejected` covers every answer that proves nothing: an error from the
 * provider, a `state` or `nonce` that does not match, a token that fails
 * validation. `reason` is for the logs and the audit trail, never shown as is.
 */
export type SsoCallback =
  { kind: 'authenticated'; identity: VerifiedIdentity } | { kind: 'rejected'; reason: string }

/**
 * A sign-in through an external identity provider (OpenID Connect). The core
 * keeps accounts: it decides whether an identity creates, links or signs into
 * an account; the provider only proves who the person is.
 */
export abstract class SsoProvider {
  /** Stable identifier stored on linked accounts and used in URLs; never change it. */
  abstract readonly code: string

  /** Text of the sign-in button ("Continuer avec …"). */
  abstract label(locale: Locale): string

  /**
   * A site path of a small logo shown on the button, if any (the CSP allows
   * only the shop's own images).
   */
  logoUrl(): string | null {
    return null
  }

  /** Who may sign in with it. */
  abstract audiences(): readonly SsoAudience[]

  /**
   * Where to send the browser; `state` is kept in the session by the core and
   * handed back to `callback`.
   */
  abstract start(options: { audience: SsoAudience; callbackUrl: string }): Promise<SsoStart>

  /**
   * Validates the provider's answer (`currentUrl`, the callback URL with its
   * query) against the state kept at `start`; called at most once per start.
   */
  abstract callback(options: {
    callbackUrl: string
    currentUrl: string
    state: Record<string, string>
  }): Promise<SsoCallback>

  /**
   * RP-initiated logout: where to send the browser so the provider ends its
   * own session too, or null when it does not support it (no
   * `end_session_endpoint`).
   */
  async logoutUrl(_options: {
    idTokenHint: string | null
    postLogoutRedirectUrl: string
  }): Promise<string | null> {
    return null
  }
}
