import { readFile, writeFile } from 'node:fs/promises'
import { createPublicKey } from 'node:crypto'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * For maintainers of a feed: signs it after checking its shape, so a typo is
 * caught before shops refuse the feed.
 */
export default class SecurityFeedSign extends BaseCommand {
  static commandName = 'security:feed:sign'
  static description =
    'Sign a security advisory feed with an Ed25519 private key: writes <feed>.sig (base64 detached signature)'
  static help = [
    'For the maintainers of a feed (the project, or an agency publishing its own mirror).',
    'The feed is checked first (JSON, advisory shape); a malformed feed is not signed.',
    'The signature covers the exact bytes of the file: sign last, publish both files unchanged.',
    'Create a key pair with `openssl genpkey -algorithm ed25519 -out feed_private.pem` and give shops its public half (`openssl pkey -in feed_private.pem -pubout`, for SECURITY_FEED_PUBLIC_KEYS). Keep the private key out of the repository.',
    '{{ binaryName }} security:feed:sign resources/security/feed.json --key ~/keys/feed_private.pem',
  ]
  static options: CommandOptions = { startApp: false }

  @args.string({ description: 'The feed file (JSON)' })
  declare feed: string

  @flags.string({ description: 'Ed25519 private key (PEM file)', required: true })
  declare key: string

  async run() {
    const { parseFeed } = await import('#services/security/advisory_feed')
    const { parseTrustedKeys, signFeed } = await import('#domain/feed_signature')
    const { default: securityConfig } = await import('#config/security')
    let bytes: Buffer
    let privateKey: string
    try {
      ;[bytes, privateKey] = await Promise.all([readFile(this.feed), readFile(this.key, 'utf8')])
    } catch (error) {
      return this.fail((error as Error).message)
    }
    const parsed = await parseFeed(bytes)
    if (!parsed.ok) return this.fail(`${this.feed}: ${parsed.error}; not signed`)

    let signature: string
    let fingerprint: string
    try {
      signature = signFeed(bytes, privateKey)
      const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' })
      fingerprint = parseTrustedKeys(publicPem.toString())[0].fingerprint
    } catch (error) {
      return this.fail(`${this.key} is not an Ed25519 private key: ${(error as Error).message}`)
    }
    await writeFile(`${this.feed}.sig`, `${signature}\n`)
    this.logger.success(
      `signed ${this.feed} (${parsed.feed.advisories.length} advisories) with key ${fingerprint}: ${this.feed}.sig`
    )
    if (!this.trusts(fingerprint, securityConfig.feed.publicKeys, parseTrustedKeys)) {
      this.logger.warning(
        `key ${fingerprint} is not trusted by this shop's configuration (SECURITY_FEED_PUBLIC_KEYS)`
      )
    }
  }

  /** Whether the shop's configuration trusts the key (a broken key list trusts none). */
  private trusts(
    fingerprint: string,
    publicKeys: string,
    parse: (text: string) => { fingerprint: string }[]
  ) {
    try {
      return parse(publicKeys).some((key) => key.fingerprint === fingerprint)
    } catch {
      return false
    }
  }

  private fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
