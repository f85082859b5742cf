import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import SettingsService from '#services/settings_service'

/**
 * Shares the shop's identity (name, accepted payment methods) with the page
 * about to render. The 404 page, which no route middleware reaches, calls it too.
 */
export async function shareShop(ctx: HttpContext) {
  const settingsService = await app.container.make(SettingsService)
  const settings = await settingsService.all()
  ctx.view.share({
    shop: {
      name: settings['shop.name'],
      acceptedPaymentMethods: settings['shop.accepted_payment_methods'],
    },
  })
}

export default class ShareShopMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await shareShop(ctx)
    return next()
  }
}
