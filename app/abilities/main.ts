import { Bouncer } from '@adonisjs/bouncer'
import type AdminUser from '#models/admin_user'
import { type Permission, roleHasPermission } from '#domain/admin_permissions'

/**
 * The one back-office authorization check: may this staff member use this part
 * of the back office? Roles map to permissions in #domain/admin_permissions.
 */
export const useBackOffice = Bouncer.ability((user: AdminUser, permission: Permission) =>
  roleHasPermission(user.role, permission)
)
