import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { RETRY_AFTER } from '#domain/maintenance'

/**
 * The flag each validated field comes from, for error messages.
 */
const FLAG_NAMES: Record<string, string> = {
  allowedIps: '--allow',
  retryAfter: '--retry-after',
  secret: '--secret',
}

/**
 * Closes the storefront for maintenance, or updates the options of a closed one.
 * The flags describe the whole state, so a script gets the same result each
 * time; only the bypass secret, which people already hold, stays when not given.
 */
export default class MaintenanceOn extends BaseCommand {
  static commandName = 'maintenance:on'
  static description =
    'Close the storefront for maintenance (503 page), or update the options when it is closed'
  static help = [
    'Visitors get the maintenance page; allowed addresses and holders of the bypass',
    'link see the shop. The back office and /health stay open. Running processes',
    'follow within 2 seconds.',
    '',
    'Omitted flags reset: no --allow leaves no allowed address, no --retry-after',
    `restores ${RETRY_AFTER.default} seconds. The bypass secret stays unless --secret is given;`,
    'when the shop has none, one is generated and its link printed (once: only its',
    'hash is stored). --secret without a value generates a new one.',
    '',
    '{{ binaryName }} maintenance:on --allow 203.0.113.7 --allow 192.0.2.0/24',
    '{{ binaryName }} maintenance:on --allow 203.0.113.7,2001:db8::1',
    '{{ binaryName }} maintenance:on --secret agency-preview-2026 --retry-after 1800',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.array({
    description: 'IP address or CIDR range still shown the shop (repeat the flag, or use commas)',
  })
  declare allow?: string[]

  @flags.string({
    description: 'Bypass secret, 16 to 128 letters, digits, - or _ (without a value: generate one)',
    allowEmptyValue: true,
  })
  declare secret?: string

  @flags.number({
    description: `Seconds announced in the Retry-After header (${RETRY_AFTER.min} to ${RETRY_AFTER.max}, default ${RETRY_AFTER.default})`,
  })
  declare retryAfter?: number

  async run() {
    const { maintenanceValidator } = await import('#validators/maintenance')
    const { default: MaintenanceService } = await import('#services/maintenance_service')
    const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
    const { generateSecret } = await import('#domain/maintenance')
    const { appUrl } = await import('#config/app')

    // Ace arrays take one value per flag: "--allow a b" would silently drop b.
    if (this.parsed._.length) {
      this.logger.error(
        `Unexpected argument: ${this.parsed._.join(' ')}. Give each address its own --allow, or separate them with commas.`
      )
      this.logger.error('Nothing changed.')
      this.exitCode = 1
      return
    }

    const regenerate = this.secret === ''
    const [error, options] = await maintenanceValidator.tryValidate(
      {
        allowedIps: this.allow?.join('\n'),
        retryAfter: this.retryAfter,
        secret: regenerate ? undefined : this.secret,
      },
      { messagesProvider: i18nManager.locale('en').createMessagesProvider() }
    )
    if (error) {
      for (const message of error.messages) {
        this.logger.error(`${FLAG_NAMES[message.field] ?? message.field}: ${message.message}`)
      }
      this.logger.error('Nothing changed.')
      this.exitCode = 1
      return
    }

    const service = await this.app.container.make(MaintenanceService)
    const secret = regenerate ? generateSecret() : options.secret
    const { outcome, state, generatedSecret } = await service.turnOn(
      { ...options, secret, ensureSecret: true },
      { admin: null, source: 'cli' }
    )

    if (outcome === 'enabled') {
      this.logger.success('Maintenance mode is on: the storefront answers 503.')
    } else if (outcome === 'updated') {
      this.logger.success('Maintenance mode was already on: its options are updated.')
    } else {
      this.logger.info('Maintenance mode was already on with these options: nothing changed.')
    }
    this.logger.info(`Allowed IPs: ${state.allowedIps.join(', ') || 'none'}`)
    this.logger.info(`Retry-After: ${state.retryAfter} seconds`)
    const shownSecret = secret ?? generatedSecret
    if (shownSecret) {
      this.logger.info(`Bypass link: ${appUrl.replace(/\/$/, '')}/maintenance/${shownSecret}`)
      if (generatedSecret || regenerate) {
        this.logger.warning('Note this link now: only a hash of its secret is stored.')
      }
    } else {
      this.logger.info('Bypass secret: unchanged (give --secret to replace it)')
    }
  }
}
