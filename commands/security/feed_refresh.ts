import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Fetches the advisory feed, verifies its signature and stores it; what the
 * scheduler runs every day.
 */
export default class SecurityFeedRefresh extends BaseCommand {
  static commandName = 'security:feed:refresh'
  static description =
    'Fetch the signed security advisory feed, verify its signature and store it; print what is new'
  static help = [
    'The feed comes from SECURITY_FEED_URL (an http(s) URL, a file: URL or a path; by default the copy shipped in resources/security/feed.json), its signature from <source>.sig.',
    'It must be signed by a trusted key (SECURITY_FEED_PUBLIC_KEYS, the project key by default).',
    'A feed that is unreachable, badly signed, malformed or older than the stored one is refused (exit code 1) and the last verified copy stays in use: the shop audits itself offline.',
    'The scheduler runs it every day at 6:00 (refresh-security-feed); run security:audit afterwards.',
  ]
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: AdvisoryFeed } = await import('#services/security/advisory_feed')
    const { default: SecurityAudit } = await import('#services/security/security_audit')
    const feed = await this.app.container.make(AdvisoryFeed)
    const result = await feed.refresh()
    if (result.status === 'rejected') {
      this.logger.error(`security feed refused (${feed.source}): ${result.error}`)
      this.logger.info(
        result.lastVerifiedAt
          ? `the feed verified at ${result.lastVerifiedAt.toISO()} stays in use`
          : 'no verified feed yet: security:audit cannot tell anything until one is'
      )
      this.exitCode = 1
      return
    }
    const count = result.feed.advisories.length
    if (result.status === 'unchanged') {
      this.logger.info(
        `security feed unchanged (${count} advisories, generated ${result.feed.generated})`
      )
      return
    }
    this.logger.success(
      `security feed verified (key ${result.signedBy}) and stored: ${count} advisories, generated ${result.feed.generated}`
    )
    const audit = await this.app.container.make(SecurityAudit)
    const { components } = await audit.report()
    const audited = new Map(
      components
        .flatMap((component) => component.advisories)
        .map((entry) => [entry.advisory.id, entry])
    )
    for (const [label, advisories] of [
      ['new', result.added],
      ['updated', result.changed],
    ] as const) {
      for (const advisory of advisories) {
        const entry = audited.get(advisory.id)
        const here = entry
          ? ` [this shop: ${entry.state}${entry.state === 'unpatched' && entry.dueDate ? `, due ${entry.dueDate}` : ''}]`
          : ''
        this.logger.info(
          `${label}: ${advisory.id} ${advisory.package} ${advisory.affected} (${advisory.severity}, CVSS ${advisory.cvss}): ${advisory.summary.en}${here}`
        )
      }
    }
    if (!result.added.length && !result.changed.length) this.logger.info('no new advisory')
  }
}
