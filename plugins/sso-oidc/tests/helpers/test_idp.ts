import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose'
import Provider from 'oidc-provider'

/** A person the test provider signs in. */
export interface TestAccount {
  sub: string
  email: string
  emailVerified: boolean
  givenName?: string
  familyName?: string
}

/** How the provider misbehaves on its next ID token (honest tokens otherwise). */
export type Tampering =
  | { claims: Record<string, unknown> } // re-signed with the provider's own key
  | { otherKey: true } // signed with a key the provider never published

export const CLIENT_ID = 'comptoir-test'
export const CLIENT_SECRET = 'comptoir-test-secret'

let trusted: string | null = null

/**
 * A self-signed certificate for 127.0.0.1, made with openssl in tmp/ and
 * trusted by this test process only (`tls.setDefaultCACertificates`):
 * `openid-client` keeps refusing plain HTTP, production code has no switch.
 */
function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-tls-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' }
    )
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A real OpenID provider (`oidc-provider`) on https://127.0.0.1, with one
 * confidential client whose redirect URIs are the shop's, signing keys made
 * at run time, and an interaction step that signs in whoever the test chose
 * (`signInAs`) without a form. `tamper` makes its next token endpoint answer
 * carry a forged ID token, to check the shop refuses it.
 */
export async function startTestIdp(appUrl: string) {
  const { key, cert } = certificate()
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const other = await generateKeyPair('RS256', { extractable: true })
  const signingJwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }

  const accounts = new Map<string, TestAccount>()
  let next: TestAccount | null = null
  let tampering: Tampering | null = null

  const server: Server = createServer({ key, cert })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  const base = appUrl.replace(/\/$/, '')

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: ['/auth/sso', '/en/auth/sso', '/admin/sso'].map(
          (prefix) => `${base}${prefix}/test-idp/callback`
        ),
        post_logout_redirect_uris: [`${base}/admin/login`],
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: ['test-idp-cookie-key'] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name'],
    },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub)
      if (!account) return undefined
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: account.email,
            email_verified: account.emailVerified,
            given_name: account.givenName,
            family_name: account.familyName,
          }
        },
      }
    },
    // Consent is not what is tested: every scope asked is granted.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId,
      })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })

  provider.use(async (ctx, nextMiddleware) => {
    await nextMiddleware()
    const body = ctx.body as { id_token?: string } | undefined
    if (ctx.path === '/token' && body?.id_token && tampering) {
      const forged = tampering
      tampering = null
      ctx.body = { ...body, id_token: await forge(body.id_token, forged) }
    }
  })

  async function forge(idToken: string, forged: Tampering) {
    const header = decodeProtectedHeader(idToken)
    const payload = decodeJwt(idToken)
    const claims = 'claims' in forged ? { ...payload, ...forged.claims } : payload
    const signer = 'otherKey' in forged ? other.privateKey : privateKey
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: header.kid }).sign(signer)
  }

  const callback = provider.callback()
  server.on('request', async (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      try {
        if (!next) throw new Error('no test account chosen: call signInAs()')
        accounts.set(next.sub, next)
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: next.sub } },
          { mergeWithLastSubmission: false }
        )
      } catch (error) {
        res.statusCode = 500
        res.end(String(error))
      }
      return
    }
    callback(req, res)
  })

  // Trusted from here on, by this process only.
  if (trusted !== cert) {
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), cert])
    trusted = cert
  }

  return {
    issuer,
    /** Who the next sign-in at the provider is. */
    signInAs(account: TestAccount) {
      next = account
    },
    /** The next ID token is forged this way. */
    tamper(forged: Tampering) {
      tampering = forged
    },
    /**
     * Follows a sign-in at the provider as a browser would (its cookies
     * kept), up to the redirect back to the shop: returns that URL.
     */
    async authorize(url: string): Promise<URL> {
      const cookies = new Map<string, string>()
      let location = url
      for (let hop = 0; hop < 10; hop++) {
        if (location.startsWith(base)) return new URL(location)
        const response = await fetch(location, {
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
        })
        for (const header of response.headers.getSetCookie()) {
          const [pair] = header.split(';')
          const index = pair.indexOf('=')
          cookies.set(pair.slice(0, index), pair.slice(index + 1))
        }
        const target = response.headers.get('location')
        if (!target)
          throw new Error(`provider answered ${response.status}: ${await response.text()}`)
        location = new URL(target, location).href
      }
      throw new Error('too many redirects at the provider')
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type TestIdp = Awaited<ReturnType<typeof startTestIdp>>
