import type { HttpContext } from '@adonisjs/core/http'
import type AdminUser from '#models/admin_user'
import type { PluginActor } from '#plugin_kernel/plugin_lifecycle'
import type { OrderActor } from '#services/orders/order_timeline'

/**
 * The signed-in member of staff making a back-office write, for the audit log
 * (the catalog and maintenance services take it as their actor).
 */
export function adminActor({ auth, request }: HttpContext) {
  return { admin: auth.user! as AdminUser, source: 'admin' as const, ip: request.ip() }
}

/**
 * The same member of staff as the plugin kernel records it, in its journal
 * ("admin:<email>") and in the audit log.
 */
export function adminPluginActor(ctx: HttpContext): PluginActor {
  const { admin, ip } = adminActor(ctx)
  return { label: `admin:${admin.email}`, admin, ip }
}

/**
 * The same member of staff on an order's timeline and payment ledger: their
 * name as it reads today (kept on each event), and their account.
 */
export function adminOrderActor(ctx: HttpContext): OrderActor {
  const { admin } = adminActor(ctx)
  return { label: admin.fullName, adminUserId: admin.id }
}
