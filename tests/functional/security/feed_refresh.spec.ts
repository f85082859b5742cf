import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import SecurityFeed from '#models/security_feed'
import {
  advisory,
  feedKeyPair,
  runSecurityCommand,
  signedFeed,
  startFeedServer,
  storeVerifiedFeed,
  trustedFeedServer,
  unreachableFeedUrl,
  useAdvisoryFeed,
} from '#tests/helpers/security_feed'

const FIRST = {
  generated: '2026-11-20T06:00:00Z',
  advisories: [advisory({ id: 'GHSA-aaaa-0000-0001' })],
}
const SECOND = {
  generated: '2026-11-24T06:00:00Z',
  advisories: [
    advisory({ id: 'GHSA-aaaa-0000-0001' }),
    advisory({ id: 'GHSA-aaaa-0000-0002', severity: 'critical', cvss: 9.8 }),
  ],
}

async function storedIds() {
  const row = await SecurityFeed.findOrFail('advisories')
  return JSON.parse(row.body!).advisories.map((entry: { id: string }) => entry.id)
}

test.group('Security feed refresh', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a feed signed by a trusted key is verified, stored, and what is new is printed', async ({
    assert,
    cleanup,
  }) => {
    const { publish } = await trustedFeedServer(cleanup)
    const first = publish(FIRST)

    const refreshed = await runSecurityCommand('security:feed:refresh', [])

    assert.equal(refreshed.exitCode, 0, refreshed.output)
    assert.include(
      refreshed.output,
      'new: GHSA-aaaa-0000-0001 comptoir <0.2.0 (high, CVSS 7.5): Test flaw [this shop: unpatched, due 2026-12-20]'
    )
    const row = await SecurityFeed.findOrFail('advisories')
    // The exact bytes that were verified, and who signed them.
    assert.equal(row.body, first.bytes.toString('utf8'))
    assert.equal(row.signature, first.signature)
    assert.isNotNull(row.verifiedAt)
    assert.isNull(row.lastError)

    publish(SECOND)
    const again = await runSecurityCommand('security:feed:refresh', [])
    assert.include(again.output, 'new: GHSA-aaaa-0000-0002')
    assert.notInclude(again.output, 'new: GHSA-aaaa-0000-0001')
    assert.deepEqual(await storedIds(), ['GHSA-aaaa-0000-0001', 'GHSA-aaaa-0000-0002'])

    const unchanged = await runSecurityCommand('security:feed:refresh', [])
    assert.include(unchanged.output, 'security feed unchanged')
  })

  test('a tampered feed or an unknown key is refused and the previous feed stays', async ({
    assert,
    cleanup,
  }) => {
    const { server, publish } = await trustedFeedServer(cleanup)
    publish(FIRST)
    await runSecurityCommand('security:feed:refresh', [])
    const { verifiedAt } = await SecurityFeed.findOrFail('advisories')

    // The second feed with one advisory removed after signing: same signature, other bytes.
    const second = publish(SECOND)
    const tampered = Buffer.from(JSON.stringify({ ...SECOND, advisories: [] }, null, 2))
    server.publish(tampered, second.signature)
    const refused = await runSecurityCommand('security:feed:refresh', [])

    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, 'the signature does not verify with any trusted key')
    assert.include(refused.output, 'stays in use')
    assert.deepEqual(await storedIds(), ['GHSA-aaaa-0000-0001'])
    const row = await SecurityFeed.findOrFail('advisories')
    assert.include(row.lastError!, 'signature does not verify')
    assert.equal(row.verifiedAt!.toMillis(), verifiedAt!.toMillis())

    // Well formed and signed, but by a key the shop does not trust.
    const stranger = signedFeed(SECOND, feedKeyPair().privatePem)
    server.publish(stranger.bytes, stranger.signature)
    const unknown = await runSecurityCommand('security:feed:refresh', [])
    assert.equal(unknown.exitCode, 1)
    assert.deepEqual(await storedIds(), ['GHSA-aaaa-0000-0001'])

    // A good signature again clears the error.
    server.publish(second.bytes, second.signature)
    await runSecurityCommand('security:feed:refresh', [])
    const cleared = await SecurityFeed.findOrFail('advisories')
    assert.isNull(cleared.lastError)
  })

  test('a signed but malformed or older feed is refused too', async ({ assert, cleanup }) => {
    const { keys, server, publish } = await trustedFeedServer(cleanup)
    publish(SECOND)
    await runSecurityCommand('security:feed:refresh', [])

    const malformed = signedFeed(
      { ...SECOND, advisories: [{ ...SECOND.advisories[0], severity: 'severe' as 'high' }] },
      keys.privatePem
    )
    server.publish(malformed.bytes, malformed.signature)
    const refused = await runSecurityCommand('security:feed:refresh', [])
    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, 'the feed is malformed: advisories.0.severity')

    // Replaying an older, validly signed feed would hide the newer advisory.
    publish(FIRST)
    const replay = await runSecurityCommand('security:feed:refresh', [])
    assert.equal(replay.exitCode, 1)
    assert.include(replay.output, 'an old feed is never put back')
    assert.deepEqual(await storedIds(), ['GHSA-aaaa-0000-0001', 'GHSA-aaaa-0000-0002'])
  })

  test('offline, the last verified feed stays in use and the error is recorded', async ({
    assert,
    cleanup,
  }) => {
    const { keys } = await storeVerifiedFeed(cleanup, FIRST)

    const unreachable = await unreachableFeedUrl()
    useAdvisoryFeed(cleanup, { source: unreachable, publicKeys: keys.publicPem })
    const offline = await runSecurityCommand('security:feed:refresh', [])

    assert.equal(offline.exitCode, 1)
    assert.include(offline.output, `cannot download ${unreachable}: ECONNREFUSED`)
    assert.include(offline.output, 'stays in use')
    assert.deepEqual(await storedIds(), ['GHSA-aaaa-0000-0001'])
    const audit = await runSecurityCommand('security:audit', ['--json'])
    const report = JSON.parse(audit.output)
    assert.include(report.feed.lastError, 'ECONNREFUSED')
    assert.equal(report.components[0].advisories[0].id, 'GHSA-aaaa-0000-0001')
  })

  test('a private mirror gets the credentials of its URL, which are never shown', async ({
    assert,
    cleanup,
  }) => {
    const keys = feedKeyPair()
    const basic = `Basic ${Buffer.from('agency:s3cret pass').toString('base64')}`
    const server = await startFeedServer(cleanup, { authorization: basic })
    const signed = signedFeed(FIRST, keys.privatePem)
    server.publish(signed.bytes, signed.signature)
    const withCredentials = server.url.replace('http://', 'http://agency:s3cret%20pass@')

    useAdvisoryFeed(cleanup, { source: withCredentials, publicKeys: keys.publicPem })
    const stored = await runSecurityCommand('security:feed:refresh', [])
    assert.equal(stored.exitCode, 0, stored.output)
    const row = await SecurityFeed.findOrFail('advisories')
    assert.equal(row.source, server.url)

    useAdvisoryFeed(cleanup, { source: server.url, publicKeys: keys.publicPem })
    const refused = await runSecurityCommand('security:feed:refresh', [])
    assert.include(refused.output, `cannot download ${server.url}: HTTP 401`)
    const audit = await runSecurityCommand('security:audit', [])
    assert.notInclude(audit.output, 's3cret')
  })

  test('a mistyped feed URL is refused with its name, without its credentials', async ({
    assert,
    cleanup,
  }) => {
    const source = 'https://agency:s3cret@mirror .example/feed.json'
    useAdvisoryFeed(cleanup, { source, publicKeys: feedKeyPair().publicPem })

    const refused = await runSecurityCommand('security:feed:refresh', [])

    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, 'https://mirror .example/feed.json is not a valid URL')
    assert.notInclude(refused.output, 's3cret')
    const row = await SecurityFeed.findOrFail('advisories')
    assert.include(row.lastError, 'is not a valid URL')
  })

  test('a feed server that does not answer in time is given up', async ({ assert, cleanup }) => {
    const server = await startFeedServer(cleanup)
    useAdvisoryFeed(cleanup, {
      source: server.url,
      publicKeys: feedKeyPair().publicPem,
      timeoutMs: 300,
    })
    server.hang()

    const started = Date.now()
    const refused = await runSecurityCommand('security:feed:refresh', [])

    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, `cannot download ${server.url}: no answer in time`)
    assert.include(refused.output, 'no verified feed yet')
    // Well before the 10 s default: the configured limit applied.
    assert.isBelow(Date.now() - started, 5000)
  })

  test('a feed server sending more than 5 MB is cut off as the bytes arrive', async ({
    assert,
    cleanup,
  }) => {
    const server = await startFeedServer(cleanup)
    useAdvisoryFeed(cleanup, { source: server.url, publicKeys: feedKeyPair().publicPem })
    server.flood()

    const refused = await runSecurityCommand('security:feed:refresh', [])

    assert.equal(refused.exitCode, 1)
    // Not buffered until the download times out: refused at the cap, whatever comes next.
    assert.include(refused.output, `${server.url} is larger than 5242880 bytes`)
  }).timeout(15_000)

  test('security:feed:sign writes a signature the shop verifies, and refuses a malformed feed', async ({
    assert,
    cleanup,
  }) => {
    const keys = feedKeyPair()
    const folder = await mkdtemp(join(tmpdir(), 'feed-'))
    cleanup(() => rm(folder, { recursive: true, force: true }))
    const key = join(folder, 'private.pem')
    const file = join(folder, 'feed.json')
    await writeFile(key, keys.privatePem)
    await writeFile(file, JSON.stringify(SECOND))
    useAdvisoryFeed(cleanup, { source: file, publicKeys: keys.publicPem })

    const signed = await runSecurityCommand('security:feed:sign', [file, '--key', key])
    assert.equal(signed.exitCode, 0, signed.output)
    // The shop's configuration trusts the project key only.
    assert.include(signed.output, 'is not trusted by this shop')
    const stored = await runSecurityCommand('security:feed:refresh', [])
    assert.equal(stored.exitCode, 0, stored.output)

    await writeFile(file, '{"generated": "2026-11-24T06:00:00Z"}')
    const refused = await runSecurityCommand('security:feed:sign', [file, '--key', key])
    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, 'not signed')
  })
})
