import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { SEVERITIES, type Severity, isSeverity } from '#domain/security_advisories'

/** How long `--npm` waits for the registry before leaving npm's findings out. */
const NPM_TIMEOUT_MS = 30_000

/**
 * The shop's components against the last verified advisory feed, for cron
 * and CI: exit code 1 while an advisory at or above the threshold is open.
 */
export default class SecurityAudit extends BaseCommand {
  static commandName = 'security:audit'
  static description =
    'List the core and installed plugins with the advisories that affect them; exit 1 while one at or above --fail-on is open'
  static help = [
    'Reads the last verified advisory feed (security:feed:refresh, or --refresh first).',
    'States: unpatched (open); hot-fixed (its hot-fix patch is applied in the maintenance journal); fixed by upgrade (the installed version is past a fixed version). Advisories that never affected the installed version are not listed.',
    'Due dates follow PCI-DSS 6.3.3: published + 30 days for critical and high.',
    'Exit code 0 when no open advisory reaches --fail-on (default high), 1 otherwise, and 1 when no verified feed is stored.',
    '--npm adds `npm audit` of the production dependencies (their findings count too); when the registry does not answer they are skipped, never failed.',
    '{{ binaryName }} security:audit',
    '{{ binaryName }} security:audit --json --fail-on critical',
    '{{ binaryName }} security:audit --refresh --npm',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Print a machine-readable JSON report' })
  declare json: boolean

  @flags.string({
    description: `Lowest severity that fails the audit: ${SEVERITIES.join(', ')} (default high)`,
  })
  declare failOn?: string

  @flags.boolean({ description: 'Refresh the feed first (security:feed:refresh)' })
  declare refresh: boolean

  @flags.boolean({
    description: `Add npm audit findings for the shop's production dependencies (at most ${NPM_TIMEOUT_MS / 1000} s, skipped offline)`,
  })
  declare npm: boolean

  async run() {
    const threshold = this.failOn ?? 'high'
    if (!isSeverity(threshold)) {
      this.logger.error(`--fail-on must be one of ${SEVERITIES.join(', ')}`)
      this.exitCode = 1
      return
    }
    const { default: AdvisoryFeed } = await import('#services/security/advisory_feed')
    const { default: Audit } = await import('#services/security/security_audit')
    const { npmAudit } = await import('#services/security/npm_audit')
    const { securityReportJson } = await import('#services/security/security_report_json')

    if (this.refresh) {
      const feed = await this.app.container.make(AdvisoryFeed)
      const result = await this.quietWithJson(() => feed.refresh())
      // With --json the refusal is in the report (feed.lastError), keeping stdout one JSON document.
      if (result.status === 'rejected' && !this.json) {
        this.logger.warning(`feed not refreshed: ${result.error}`)
      }
    }
    const audit = await this.app.container.make(Audit)
    const report = await audit.report()
    const npm = this.npm ? await npmAudit(this.app.makePath(), NPM_TIMEOUT_MS) : null
    const json = securityReportJson(report, threshold, npm)
    this.exitCode = json.passed ? 0 : 1

    if (this.json) {
      this.logger.log(JSON.stringify(json, null, 2))
      return
    }
    this.print(json, threshold)
  }

  /**
   * The app logger writes to stdout too: with --json its lines (a refused
   * feed's warning) would break the one JSON document, so it is muted meanwhile.
   */
  private async quietWithJson<T>(work: () => Promise<T>) {
    if (!this.json) return work()
    const logger = await this.app.container.make('logger')
    const level = logger.level
    logger.level = 'silent'
    try {
      return await work()
    } finally {
      logger.level = level
    }
  }

  private print(json: ReturnType<SecurityAuditJson>, threshold: Severity) {
    if (!json.feed?.verifiedAt) {
      this.logger.error('no verified advisory feed: run security:feed:refresh')
    } else {
      this.logger.info(`advisory feed verified at ${json.feed.verifiedAt} (${json.feed.source})`)
    }
    if (json.feed?.lastError) {
      this.logger.warning(`last refresh failed at ${json.feed.lastErrorAt}: ${json.feed.lastError}`)
    }
    const table = this.ui.table()
    table.head(['Component', 'Version', 'Advisory', 'Severity', 'CVSS', 'State', 'Due', 'To do'])
    for (const component of json.components) {
      if (!component.advisories.length) {
        table.row([component.name, component.version, '-', '-', '-', 'no advisory', '-', '-'])
      }
      for (const entry of component.advisories) {
        table.row([
          component.name,
          component.version,
          `${entry.id}: ${entry.summary.en}`,
          entry.severity,
          String(entry.cvss),
          entry.state,
          entry.dueDate ?? '-',
          entry.todo ?? '-',
        ])
      }
    }
    table.render()
    if (json.npm?.status === 'skipped') this.logger.warning(`npm audit skipped: ${json.npm.reason}`)
    for (const finding of json.npm?.status === 'ok' ? json.npm.findings : []) {
      const through = finding.effects.length ? `, through ${finding.effects.join(', ')}` : ''
      this.logger.info(
        `npm: ${finding.package} (${finding.severity}): ${finding.advisories.join(', ')}${through}`
      )
    }
    const summary = `${json.open.atOrAboveThreshold} open at or above ${threshold} (${json.open.total} open in all)`
    if (json.passed) this.logger.success(summary)
    else this.logger.error(summary)
  }
}

type SecurityAuditJson = typeof import('#services/security/security_report_json').securityReportJson
