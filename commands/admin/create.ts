import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ADMIN_ROLES, type AdminRole } from '#domain/admin_permissions'

/**
 * Creates a back-office account, typically the shop's first owner. Asks for
 * what the flags leave out, so it works interactively and in scripts.
 */
export default class AdminCreate extends BaseCommand {
  static commandName = 'admin:create'
  static description = 'Create a back-office account (the first owner, for instance)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Email address used to sign in' })
  declare email?: string

  @flags.string({ description: 'Full name shown in the back office' })
  declare name?: string

  @flags.string({ description: 'Password (12 characters at least); asked for when omitted' })
  declare password?: string

  @flags.string({ description: `Role: ${ADMIN_ROLES.join(', ')}; asked for when omitted` })
  declare role?: string

  async run() {
    const { createAdminUserValidator } = await import('#validators/admin_user')
    const { default: AdminUserService } = await import('#services/admin_user_service')
    const { errors } = await import('@vinejs/vine')

    const input = {
      email: this.email ?? (await this.prompt.ask('Email address')),
      fullName: this.name ?? (await this.prompt.ask('Full name')),
      password: this.password ?? (await this.prompt.secure('Password (12 characters at least)')),
      role: (this.role ?? (await this.prompt.choice('Role', [...ADMIN_ROLES]))) as AdminRole,
    }

    try {
      const data = await createAdminUserValidator.validate(input)
      const service = await this.app.container.make(AdminUserService)
      const user = await service.create(data)
      this.logger.success(`Created ${user.role} ${user.email}`)
    } catch (error) {
      if (error instanceof errors.E_VALIDATION_ERROR) {
        for (const message of error.messages) {
          this.logger.error(`${message.field}: ${message.message}`)
        }
        this.exitCode = 1
        return
      }
      throw error
    }
  }
}
