import { generateKeyPairSync } from 'node:crypto'
import { test } from '@japa/runner'
import { parseTrustedKeys, signFeed, verifyFeed } from '#domain/feed_signature'
import { PROJECT_FEED_PUBLIC_KEY } from '#config/security'
import { securityFeedValidator } from '#validators/security_feed'

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    raw: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64'),
  }
}

const FEED = Buffer.from('{"generated":"2026-11-24T00:00:00Z","advisories":[]}\n')

test.group('Feed signature (Ed25519)', () => {
  test('a signature verifies the exact bytes with the signing key only', ({ assert }) => {
    const signer = keyPair()
    const other = keyPair()
    const signature = signFeed(FEED, signer.privatePem)
    const [trusted] = parseTrustedKeys(signer.publicPem)

    assert.equal(verifyFeed(FEED, signature, [trusted])?.fingerprint, trusted.fingerprint)
    assert.equal(verifyFeed(FEED, `${signature}\n`, [trusted])?.fingerprint, trusted.fingerprint)
    assert.isNull(verifyFeed(FEED, signature, parseTrustedKeys(other.publicPem)))
    // One byte more (a space, a newline) is another feed.
    assert.isNull(verifyFeed(Buffer.concat([FEED, Buffer.from(' ')]), signature, [trusted]))
    assert.isNull(verifyFeed(FEED, 'not a signature', [trusted]))
  })

  test('any trusted key may have signed, so keys rotate without a gap', ({ assert }) => {
    const old = keyPair()
    const fresh = keyPair()
    const keys = parseTrustedKeys(`${old.publicPem}\n${fresh.publicPem}`)

    assert.lengthOf(keys, 2)
    assert.equal(
      verifyFeed(FEED, signFeed(FEED, fresh.privatePem), keys)?.fingerprint,
      keys[1].fingerprint
    )
  })

  test('keys are read as PEM blocks or base64 raw keys, and the same key gets one fingerprint', ({
    assert,
  }) => {
    const pair = keyPair()
    const [fromPem] = parseTrustedKeys(pair.publicPem)
    const fromRaw = parseTrustedKeys(`${pair.raw}, ${PROJECT_FEED_PUBLIC_KEY}`)

    assert.lengthOf(fromRaw, 2)
    assert.equal(fromRaw[0].fingerprint, fromPem.fingerprint)
    assert.match(fromPem.fingerprint, /^[0-9a-f]{16}$/)
  })

  test('a key that is not Ed25519 is refused, not silently ignored', ({ assert }) => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
    assert.throws(
      () => parseTrustedKeys(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
      /not an Ed25519 public key/
    )
    assert.throws(() => parseTrustedKeys('c2hvcnQ='), /32 bytes/)
  })
})

test.group('Feed shape', () => {
  const valid = {
    generated: '2026-11-24T06:00:00Z',
    advisories: [
      {
        id: 'GHSA-abcd-1234-wxyz',
        package: 'comptoir',
        affected: '>=0.1.0 <0.1.3',
        fixed: ['0.1.3'],
        severity: 'critical',
        cvss: 9.1,
        summary: { fr: 'Injection SQL', en: 'SQL injection' },
        published: '2026-11-20',
        hotfix: 'core/2026_11_20_fix_search',
      },
    ],
  }

  test('a well-formed feed passes', async ({ assert }) => {
    const [error, feed] = await securityFeedValidator.tryValidate(valid)
    assert.isNull(error)
    assert.equal(feed!.advisories[0].hotfix, 'core/2026_11_20_fix_search')
  })

  test('each malformed field is reported', async ({ assert }) => {
    const broken = {
      generated: 'yesterday',
      advisories: [
        {
          ...valid.advisories[0],
          id: 'CVE-2026-1',
          affected: 'not a range',
          fixed: ['one'],
          severity: 'severe',
          cvss: 11,
          published: '2026-02-30',
          hotfix: 'no owner',
        },
      ],
    }
    const [error] = await securityFeedValidator.tryValidate(broken)
    const fields = (error!.messages as { field: string }[]).map((message) => message.field).sort()
    assert.deepEqual(fields, [
      'advisories.0.affected',
      'advisories.0.cvss',
      'advisories.0.fixed.0',
      'advisories.0.hotfix',
      'advisories.0.id',
      'advisories.0.published',
      'advisories.0.severity',
      'generated',
    ])
  })

  test('generated is ISO 8601, the form it is stored and compared in', async ({ assert }) => {
    // Date.parse reads these, but the refresh could neither store nor order them.
    for (const generated of ['Tue, 24 Nov 2026 06:00:00 GMT', '11/24/2026']) {
      const [error] = await securityFeedValidator.tryValidate({ ...valid, generated })
      assert.deepEqual(
        (error?.messages as { field: string }[] | undefined)?.map((message) => message.field),
        ['generated'],
        generated
      )
    }
    const [error] = await securityFeedValidator.tryValidate({
      ...valid,
      generated: '2026-11-24T07:00:00+01:00',
    })
    assert.isNull(error)
  })

  test('an advisory listed twice is refused', async ({ assert }) => {
    const [error] = await securityFeedValidator.tryValidate({
      ...valid,
      advisories: [valid.advisories[0], valid.advisories[0]],
    })
    assert.isNotNull(error)
  })
})
