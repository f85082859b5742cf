import * as oidc from 'openid-client'
import type { Locale } from '@comptoir/contracts/commerce'
import {
  type SsoAudience,
  type SsoCallback,
  SsoProvider,
  type SsoStart,
  type VerifiedIdentity,
} from '@comptoir/contracts/sso_provider'

/** What one configured provider needs, read from the plugin's table. */
export interface OidcProviderConfig {
  code: string
  label: string
  issuer: string
  clientId: string
  clientSecret: string
  scopes: string
  audiences: readonly SsoAudience[]
  logoUrl: string | null
  /** Changes whenever the merchant edits the provider: a new discovery then. */
  version: string
}

/** Discovery documents and their keys, kept per provider version for a while. */
const DISCOVERY_TTL_MS = 10 * 60 * 1000
const discovered = new Map<string, { config: oidc.Configuration; at: number }>()

/**
 * One OpenID Connect provider: discovery, authorization code flow with PKCE,
 * `state` and `nonce`, and the ID token validated by `openid-client`
 * (signature against the issuer's JWKS, `iss`, `aud`, `exp`, `nonce`). It
 * proves an identity and nothing more: the core decides what it opens.
 * `openid-client` refuses plain HTTP issuers, and this class never turns that
 * off.
 */
export class OidcSsoProvider extends SsoProvider {
  readonly code: string

  constructor(protected options: OidcProviderConfig) {
    super()
    this.code = options.code
  }

  label(_locale: Locale) {
    return this.options.label
  }

  logoUrl() {
    return this.options.logoUrl
  }

  audiences() {
    return this.options.audiences
  }

  async start(input: { audience: SsoAudience; callbackUrl: string }): Promise<SsoStart> {
    const config = await this.configuration()
    const verifier = oidc.randomPKCECodeVerifier()
    const state = oidc.randomState()
    const nonce = oidc.randomNonce()
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: input.callbackUrl,
      scope: this.options.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    return { kind: 'redirect', url: url.href, state: { state, nonce, verifier } }
  }

  async callback(input: {
    callbackUrl: string
    currentUrl: string
    state: Record<string, string>
  }): Promise<SsoCallback> {
    const config = await this.configuration()
    try {
      const tokens = await oidc.authorizationCodeGrant(
        config,
        new URL(input.currentUrl),
        {
          pkceCodeVerifier: input.state.verifier,
          expectedState: input.state.state,
          expectedNonce: input.state.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: input.callbackUrl }
      )
      const claims = tokens.claims()
      if (!claims) return { kind: 'rejected', reason: 'no ID token' }
      // Providers following OIDC Core 5.4 to the letter put scope claims
      // (email, names) in UserInfo only; its `sub` must be the ID token's.
      const profile =
        claims.email === undefined && config.serverMetadata().userinfo_endpoint
          ? await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
          : {}
      return {
        kind: 'authenticated',
        identity: identityFrom({ ...profile, ...claims }, tokens.id_token),
      }
    } catch (error) {
      // Every validation failure (state, nonce, signature, iss, aud, exp) lands here.
      return { kind: 'rejected', reason: describe(error) }
    }
  }

  async logoutUrl(input: { idTokenHint: string | null; postLogoutRedirectUrl: string }) {
    const config = await this.configuration()
    if (!config.serverMetadata().end_session_endpoint) return null
    const parameters: Record<string, string> = {
      post_logout_redirect_uri: input.postLogoutRedirectUrl,
    }
    if (input.idTokenHint) parameters.id_token_hint = input.idTokenHint
    return oidc.buildEndSessionUrl(config, parameters).href
  }

  private async configuration(): Promise<oidc.Configuration> {
    const key = `${this.options.code}:${this.options.version}`
    const cached = discovered.get(key)
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config
    const config = await oidc.discovery(
      new URL(this.options.issuer),
      this.options.clientId,
      undefined,
      oidc.ClientSecretPost(this.options.clientSecret),
      // ID tokens from the token endpoint are checked against the issuer's JWKS too.
      { execute: [oidc.enableNonRepudiationChecks] }
    )
    discovered.set(key, { config, at: Date.now() })
    return config
  }
}

function identityFrom(
  claims: oidc.IDToken & Record<string, unknown>,
  idToken: string | undefined
): VerifiedIdentity {
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() ? value.trim() : undefined
  const groups = Array.isArray(claims.groups)
    ? claims.groups.filter((group): group is string => typeof group === 'string')
    : undefined
  return {
    subject: claims.sub,
    email: text(claims.email)?.toLowerCase() ?? null,
    emailVerified: claims.email_verified === true,
    givenName: text(claims.given_name),
    familyName: text(claims.family_name),
    groups,
    idToken,
  }
}

/** The error and what caused it (openid-client wraps the precise check that failed). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ''
  const code = 'code' in error ? ` [${String(error.code)}]` : ''
  return `${error.name}${code}: ${error.message}${cause}`
}
