import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import SettingsService from '#services/settings_service'
import PaymentOptions from '#services/checkout/payment_options'
import LegalDocumentService from '#services/legal/legal_document_service'
import type { Locale } from '#support/locale_paths'

/**
 * Shares the shop's identity (name, the payment methods its plugins accept, the legal
 * pages it has published) with the page about to render. The 404 page, which no route
 * middleware reaches, calls it too.
 */
export async function shareShop(ctx: HttpContext) {
  const settingsService = await app.container.make(SettingsService)
  const paymentOptions = await app.container.make(PaymentOptions)
  const legalDocuments = await app.container.make(LegalDocumentService)
  const settings = await settingsService.all()
  ctx.view.share({
    shop: {
      name: settings['shop.name'],
      acceptedPaymentMethods: await paymentOptions.accepted(ctx.i18n.locale as Locale),
      // Read only by a footer that lists them: the maintenance page does not.
      publishedLegalKinds: () => legalDocuments.publishedKinds(),
    },
  })
}

export default class ShareShopMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await shareShop(ctx)
    return next()
  }
}
