import type { Locale } from './commerce.js'

export type SsoAudience = 'shoppers' | 'admins'

/**
 * An identity proven by a provider, with only the claims the core uses.
 */
export interface VerifiedIdentity {
  /** The provider's stable subject identifier. */
  readonly subject: string
  readonly email: string | null
  /** Whether the provider vouches that the email belongs to the subject. */
  readonly emailVerified: boolean
  readonly givenName?: string
  readonly familyName?: string
  /** Group or role claims, for mapping admin roles. */
  readonly groups?: readonly string[]
}

export type SsoStart = { kind: 'redirect'; url: string; state: Record<string, string> }

export type SsoCallback =
  { kind: 'authenticated'; identity: VerifiedIdentity } | { kind: 'rejected'; reason: string }

/**
 * A sign-in through an external identity provider (OpenID Connect). The core
 * keeps accounts: it decides whether an identity creates, links or signs into
 * an account; the provider only proves who the person is.
 */
export abstract class SsoProvider {
  /** Stable identifier stored on linked accounts; never change it. */
  abstract readonly code: string

  /** Text of the sign-in button ("Continuer avec …"). */
  abstract label(locale: Locale): string

  /** Who may sign in with it. */
  abstract audiences(): readonly SsoAudience[]

  /**
   * Where to send the browser; `state` is kept in the session by the core and
   * handed back to `callback`.
   */
  abstract start(options: { audience: SsoAudience; callbackUrl: string }): Promise<SsoStart>

  /** Validates the provider's answer against the state kept at `start`. */
  abstract callback(options: {
    callbackUrl: string
    currentUrl: string
    state: Record<string, string>
  }): Promise<SsoCallback>
}
