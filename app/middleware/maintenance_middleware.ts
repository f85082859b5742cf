import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { shareShop } from '#middleware/share_shop_middleware'
import MaintenanceService, { type OpenState } from '#services/maintenance_service'

export const BYPASS_COOKIE = 'comptoir-maintenance'

/**
 * Open during maintenance: the back office (login included) so staff can work,
 * the health check for monitoring, and media, which back-office pages show.
 * Static files never get here: the static middleware serves them first.
 */
function staysOpen(path: string) {
  return (
    path === '/admin' ||
    path.startsWith('/admin/') ||
    path === '/health' ||
    path.startsWith('/media/')
  )
}

/**
 * While maintenance mode is on, answers storefront requests with the 503
 * maintenance page, except for allowed addresses and holders of the bypass
 * cookie, which `/maintenance/<secret>` hands out. Runs as server middleware so
 * unknown URLs are closed too.
 */
@inject()
export default class MaintenanceMiddleware {
  constructor(protected maintenance: MaintenanceService) {}

  async handle(ctx: HttpContext, next: NextFn) {
    const path = ctx.request.url()
    if (staysOpen(path)) return next()

    const state = await this.maintenance.current()
    if (!state.enabled) return next()

    // A secret is URL-safe as typed, so the path is compared undecoded.
    const bypass = path.match(/^\/maintenance\/([^/]+)$/)
    if (bypass && this.maintenance.secretMatches(state, bypass[1])) {
      ctx.response.encryptedCookie(BYPASS_COOKIE, this.maintenance.bypassToken(state), {
        maxAge: '12h',
      })
      return ctx.response.redirect('/')
    }

    if (
      state.admitsIp(ctx.request.ip()) ||
      this.maintenance.admitsBypass(state, ctx.request.encryptedCookie(BYPASS_COOKIE))
    ) {
      return next()
    }
    return this.closed(ctx, state)
  }

  protected async closed(ctx: HttpContext, state: OpenState) {
    await shareShop(ctx)
    ctx.response
      .status(503)
      .header('Retry-After', String(state.retryAfter))
      .header('Cache-Control', 'no-store')
      .send(await ctx.view.render('pages/storefront/maintenance'))
  }
}
