import type { HttpContext } from '@adonisjs/core/http'
import type { CatalogActor } from '#services/catalog/product_input'

/**
 * The signed-in member of staff making a back-office write, for the audit log.
 */
export function adminActor({ auth, request }: HttpContext): CatalogActor {
  return { admin: auth.user!, source: 'admin', ip: request.ip() }
}
