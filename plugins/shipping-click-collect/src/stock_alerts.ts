import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import mail from '@adonisjs/mail/services/main'
import type { Locale } from '@comptoir/contracts/commerce'
import type { CoreEvents } from '@comptoir/contracts/plugin_manifest'
import { STOREFRONT_PATH } from '#src/paths'
import StockAlert from '#src/stock_alert'
import StoreDirectory from '#src/store_directory'
import type { PickupStore } from '#src/store_selection'

export interface StockAlertRequest {
  variantId: number
  storeId: number
  email: string
  locale: Locale
}

/**
 * "Prévenez-moi": shoppers ask to hear when a variant is back in a store, and
 * each pending request gets one e-mail when that store's stock goes from
 * nothing to something. Names of products are the core's and no contract
 * gives them: the e-mail links to the variant's availability page instead.
 */
export default class StockAlerts {
  constructor(protected stores = new StoreDirectory()) {}

  /**
   * Records a request, once per variant, store and address (asking again after
   * a notification waits for the next restock). Null for a store that is not
   * a click & collect store or a variant no location holds.
   */
  async request(input: StockAlertRequest): Promise<{ store: PickupStore } | null> {
    const [stores, levels] = await Promise.all([
      this.stores.pickupStores(),
      this.stores.levels([input.variantId]),
    ])
    const store = stores.find((candidate) => candidate.id === input.storeId)
    if (!store || !levels.length) return null

    const key = { variantId: input.variantId, stockLocationId: store.id, email: input.email }
    const existing = await StockAlert.findBy(key)
    if (!existing) {
      await StockAlert.create({ ...key, locale: input.locale, notifiedAt: null })
    } else if (existing.notifiedAt) {
      existing.merge({ locale: input.locale, notifiedAt: null })
      await existing.save()
    }
    return { store }
  }

  /** Mails every pending request of a store whose stock of the variant came back. */
  async stockChanged(change: CoreEvents['stock:changed']): Promise<number> {
    if (!(change.quantityBefore <= 0 && change.quantityAfter > 0)) return 0
    const pending = await StockAlert.query()
      .where({ variant_id: change.variantId, stock_location_id: change.placeId })
      .whereNull('notified_at')
      .orderBy('id')
    if (!pending.length) return 0

    const stores = await this.stores.pickupStores()
    const store = stores.find((candidate) => candidate.id === change.placeId)
    if (!store) return 0
    for (const alert of pending) {
      await this.send(alert, store)
      // One by one: a failure leaves the rest pending for the next restock.
      alert.notifiedAt = DateTime.utc()
      await alert.save()
    }
    return pending.length
  }

  private async send(alert: StockAlert, store: PickupStore) {
    const i18n = i18nManager.locale(alert.locale)
    const prefix = alert.locale === 'en' ? '/en' : ''
    const baseUrl = String(app.config.get('app.appUrl', '')).replace(/\/$/, '')
    const link = `${baseUrl}${prefix}${STOREFRONT_PATH}/availability?variant=${alert.variantId}`
    const values = { store: store.name, link }
    await mail.send((message) => {
      message
        .to(alert.email)
        .subject(i18n.t('shipping-click-collect.stock_alert.mail.subject', values))
        .text(i18n.t('shipping-click-collect.stock_alert.mail.body', values))
    })
  }
}
