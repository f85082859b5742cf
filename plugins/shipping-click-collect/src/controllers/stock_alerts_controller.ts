import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import type { Locale } from '@comptoir/contracts/commerce'
import { STOREFRONT_PATH } from '#src/paths'
import StockAlerts from '#src/stock_alerts'
import { STOCK_ALERT_MESSAGES, stockAlertValidator } from '#src/stock_alert_validator'

/**
 * The "prévenez-moi" form of the availability page. Invalid input goes back
 * to that page with the errors (the core's handler flashes them); a store or
 * variant that is not there answers 404. Saved, the shopper is sent back to
 * the same list of stores (the form carries its postcode).
 */
export default class StockAlertsController {
  constructor(protected alerts = new StockAlerts()) {}

  async store({ request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(stockAlertValidator, {
      messagesProvider: i18n.createMessagesProvider(STOCK_ALERT_MESSAGES),
    })
    const saved = await this.alerts.request({
      variantId: input.variant,
      storeId: input.store,
      email: input.email,
      locale: i18n.locale as Locale,
    })
    if (!saved) throw new lucidErrors.E_ROW_NOT_FOUND()
    session.flash(
      'notice',
      i18n.t('shipping-click-collect.stock_alert.saved', { store: saved.store.name })
    )
    return response.redirect().toPath(availabilityPath(input, i18n.locale))
  }
}

function availabilityPath(input: { variant: number; postcode?: string }, locale: string) {
  const query = new URLSearchParams({ variant: String(input.variant) })
  if (input.postcode) query.set('postcode', input.postcode)
  return `${locale === 'en' ? '/en' : ''}${STOREFRONT_PATH}/availability?${query}`
}
