import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors } from '@adonisjs/shield'
import csrfConfig from '#config/csrf'
import { csrfSecretOf, isValidCsrfToken } from '#support/csrf'

/**
 * Refuses a state-changing request without a valid token. A refused request
 * flashes its input back and returns to the form (shield's E_BAD_CSRF_TOKEN
 * handling), losing nothing. Pages get their forms' tokens when they are sent
 * (the `csrfField()` view global leaves a visitor bit: #services/page_cache/visitor_bits).
 */
export default class CsrfMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (this.mustCarryToken(ctx)) {
      const sent = ctx.request.input('_csrf') ?? ctx.request.header('x-csrf-token')
      if (!isValidCsrfToken(csrfSecretOf(ctx), sent)) throw new errors.E_BAD_CSRF_TOKEN()
    }
    return next()
  }

  protected mustCarryToken({ request, route }: HttpContext) {
    return (
      csrfConfig.methods.includes(request.method()) &&
      !csrfConfig.exceptRoutes.includes(route?.pattern ?? '')
    )
  }
}
