import app from '@adonisjs/core/services/app'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import { shareShop } from '#middleware/share_shop_middleware'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'

export default class HttpExceptionHandler extends ExceptionHandler {
  /**
   * Stack traces are for developers' machines only.
   */
  protected debug = app.inDev

  protected renderStatusPages = true

  /**
   * Translated pages for the errors a visitor can meet. In development a crash
   * shows the stack trace instead of the 500 page.
   */
  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '404': async (error, ctx) => {
      await shareShop(ctx)
      return ctx.view.render('pages/errors/not_found', { error })
    },
    ...(app.inDev
      ? {}
      : {
          '500..599': (error, { view }) => view.render('pages/errors/server_error', { error }),
        }),
  }

  async handle(error: unknown, ctx: HttpContext) {
    /**
     * Bouncer answers a denied page view with plain text; staff get the translated
     * 403 page instead, with the back office around it.
     */
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE && ctx.request.accepts(['html'])) {
      return ctx.response.status(403).send(await ctx.view.render('pages/errors/forbidden'))
    }
    return super.handle(error, ctx)
  }
}
