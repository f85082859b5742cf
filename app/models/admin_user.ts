import { column } from '@adonisjs/lucid/orm'
import { compose } from '@adonisjs/core/helpers'
import hash from '@adonisjs/core/services/hash'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { AdminUserSchema } from '#database/schema'
import type { AdminRole } from '#domain/admin_permissions'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

/**
 * A member of the merchant's staff who signs in to the back office.
 */
export default class AdminUser extends compose(AdminUserSchema, AuthFinder) {
  @column()
  declare role: AdminRole
}
