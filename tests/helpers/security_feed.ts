import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import { signFeed } from '#domain/feed_signature'
import type { Advisory, AdvisoryFeed as Feed } from '#domain/security_advisories'
import AdvisoryFeed from '#services/security/advisory_feed'
import { fixturePlugin, runAce, usePluginSandbox } from '#tests/helpers/plugins'

/** An Ed25519 key pair made for one test: the project's private key never is. */
export function feedKeyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

/** A well-formed advisory, overridden where the test cares. */
export function advisory(overrides: Partial<Advisory> & Pick<Advisory, 'id'>): Advisory {
  return {
    package: 'comptoir',
    affected: '<0.2.0',
    fixed: ['0.2.0'],
    severity: 'high',
    cvss: 7.5,
    summary: { fr: 'Faille de test', en: 'Test flaw' },
    published: '2026-11-20',
    ...overrides,
  }
}

/** The feed's bytes and their signature, as a maintainer publishes them. */
export function signedFeed(feed: Feed, privatePem: string) {
  const bytes = Buffer.from(JSON.stringify(feed, null, 2))
  return { bytes, signature: signFeed(bytes, privatePem) }
}

/**
 * A feed server on 127.0.0.1: `/feed.json` and `/feed.json.sig` answer what
 * the test last published, anything else 404; after `hang()` it answers
 * nothing, after `flood()` a body without end; with `authorization`, requests without that header get a 401.
 */
export async function startFeedServer(
  cleanup: (handler: () => Promise<void>) => void,
  options: { authorization?: string } = {}
) {
  const files = new Map<string, Buffer | string>()
  let hanging = false
  let flooding = false
  const server = createServer((request, response) => {
    if (hanging) return
    if (flooding) return flood(response)
    if (options.authorization && request.headers.authorization !== options.authorization) {
      response.writeHead(401).end()
      return
    }
    const body = files.get(request.url ?? '')
    if (body === undefined) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanup(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  )
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/feed.json`,
    hang() {
      hanging = true
    },
    /** Answers a chunked body that never ends (no content-length). */
    flood() {
      flooding = true
    },
    publish(bytes: Buffer, signature: string) {
      files.set('/feed.json', bytes)
      files.set('/feed.json.sig', signature)
    },
  }
}

function flood(response: ServerResponse) {
  const chunk = Buffer.alloc(64 * 1024, ' ')
  response.writeHead(200, { 'content-type': 'application/json' })
  const write = () => {
    let open = true
    while (open && !response.destroyed) open = response.write(chunk)
  }
  response.on('drain', write)
  write()
}

/**
 * Points the shop at a feed source trusting the given public key, for the
 * test, with ace logs kept for `runAce`; the stored feed is removed afterwards.
 */
export function useAdvisoryFeed(
  cleanup: (handler: () => Promise<void>) => void,
  options: { source: string; publicKeys: string; timeoutMs?: number }
) {
  const feed = new AdvisoryFeed({ timeoutMs: 2000, ...options })
  app.container.swap(AdvisoryFeed, () => feed)
  ace.ui.switchMode('raw')
  cleanup(async () => {
    ace.ui.switchMode('normal')
    app.container.restore(AdvisoryFeed)
    await db.from('security_feeds').delete()
  })
  return feed
}

/** Runs an ace command with only its own logs in the output (runAce keeps earlier ones). */
export function runSecurityCommand(name: string, args: string[]) {
  ace.ui.logger.flushLogs()
  return runAce(name, args)
}

/** A loopback URL nothing listens on: connection refused, as when the shop is offline. */
export async function unreachableFeedUrl() {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}/feed.json`
}

export const AUDIT_HOTFIX = 'fixture-advised/2026_11_20_escape_comments'

/** One advisory in each state for the core 0.1.0 and fixture-advised 1.0.0. */
export const AUDIT_FEED: Feed = {
  generated: '2026-11-24T06:00:00Z',
  advisories: [
    advisory({
      id: 'GHSA-fx01-adv1-sed1',
      package: 'fixture-advised',
      affected: '>=1.0.0 <1.0.2',
      fixed: ['1.0.2'],
      severity: 'high',
      cvss: 8.1,
      summary: { fr: 'XSS stockée dans les commentaires', en: 'Stored XSS in comments' },
      published: '2026-11-20',
      hotfix: AUDIT_HOTFIX,
    }),
    advisory({
      id: 'GHSA-core-medi-um01',
      affected: '<0.2.0',
      fixed: ['0.2.0'],
      severity: 'medium',
      cvss: 5.3,
      published: '2026-11-01',
    }),
    advisory({
      id: 'GHSA-core-old0-fix1',
      affected: '>=0.0.1 <0.1.0',
      fixed: ['0.1.0'],
      severity: 'critical',
      cvss: 9.8,
    }),
    advisory({
      id: 'GHSA-fx02-futu-re01',
      package: 'fixture-advised',
      affected: '>=2.0.0 <2.0.1',
      fixed: ['2.0.1'],
      severity: 'critical',
      cvss: 9.1,
    }),
  ],
}

/** A verified feed in the database, from a file signed with a key made for the test. */
export async function storeVerifiedFeed(
  cleanup: (handler: () => Promise<void>) => void,
  feed: Feed = AUDIT_FEED
) {
  const keys = feedKeyPair()
  const folder = await mkdtemp(join(tmpdir(), 'feed-'))
  cleanup(() => rm(folder, { recursive: true, force: true }))
  const file = join(folder, 'feed.json')
  const signed = signedFeed(feed, keys.privatePem)
  await writeFile(file, signed.bytes)
  // As security:feed:sign writes it, with a final newline.
  await writeFile(`${file}.sig`, `${signed.signature}\n`)
  const advisoryFeed = useAdvisoryFeed(cleanup, { source: file, publicKeys: keys.publicPem })
  const result = await advisoryFeed.refresh()
  if (result.status !== 'updated') throw new Error(`feed not stored: ${JSON.stringify(result)}`)
  return { keys }
}

/**
 * A shop with fixture-advised 1.0.0 installed in a plugin sandbox and a
 * verified feed (AUDIT_FEED unless another is given).
 */
export async function advisedShop(
  cleanup: (handler: () => Promise<void>) => void,
  feed: Feed = AUDIT_FEED
) {
  const sandbox = await usePluginSandbox(cleanup)
  const install = await runAce('plugin:install', [fixturePlugin('fixture-advised-1.0.0')])
  if (install.exitCode) throw new Error(`plugin:install failed: ${install.output}`)
  await storeVerifiedFeed(cleanup, feed)
  return sandbox
}

/**
 * A feed server the shop trusts, with a key pair made for the test:
 * `publish(feed)` signs the feed and serves it.
 */
export async function trustedFeedServer(cleanup: (handler: () => Promise<void>) => void) {
  const keys = feedKeyPair()
  const server = await startFeedServer(cleanup)
  useAdvisoryFeed(cleanup, { source: server.url, publicKeys: keys.publicPem })
  return {
    keys,
    server,
    publish(feed: Feed) {
      const signed = signedFeed(feed, keys.privatePem)
      server.publish(signed.bytes, signed.signature)
      return signed
    },
  }
}

/**
 * A stand-in for the npm registry's audit endpoint, answering one high
 * advisory on `semver` (a dependency of the shop), for `security:audit --npm`;
 * npm processes of the test use it through npm_config_registry.
 */
export async function useNpmAuditRegistry(cleanup: (handler: () => Promise<void>) => void) {
  const server = createServer((request, response) => {
    if (request.method === 'POST' && request.url?.endsWith('/security/advisories/bulk')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          semver: [
            {
              id: 1,
              url: 'https://github.com/advisories/GHSA-test-semv-er01',
              title: 'Test advisory on semver',
              severity: 'high',
              vulnerable_versions: '<99.0.0',
              cwe: [],
              cvss: { score: 7.5, vectorString: null },
            },
          ],
        })
      )
      return
    }
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  pointNpmAt(cleanup, `http://127.0.0.1:${port}/`)
  cleanup(() => new Promise((resolve) => server.close(() => resolve())))
}

/** Points the test's npm processes at a registry (restored afterwards). */
export function pointNpmAt(cleanup: (handler: () => Promise<void>) => void, registry: string) {
  const before = process.env.npm_config_registry
  process.env.npm_config_registry = registry
  cleanup(async () => {
    if (before === undefined) delete process.env.npm_config_registry
    else process.env.npm_config_registry = before
  })
}
