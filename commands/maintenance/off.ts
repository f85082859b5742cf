import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Reopens the storefront. Safe to run when it is already open.
 */
export default class MaintenanceOff extends BaseCommand {
  static commandName = 'maintenance:off'
  static description = 'Reopen the storefront and forget the maintenance bypass secret'
  static help = [
    'Running processes follow within 2 seconds. When maintenance is already off,',
    'says so and exits successfully.',
  ]
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: MaintenanceService } = await import('#services/maintenance_service')
    const service = await this.app.container.make(MaintenanceService)
    const { outcome } = await service.turnOff({ admin: null, source: 'cli' })
    if (outcome === 'disabled') {
      this.logger.success('Maintenance mode is off: the storefront is open.')
    } else {
      this.logger.info('Maintenance mode was already off: nothing changed.')
    }
  }
}
