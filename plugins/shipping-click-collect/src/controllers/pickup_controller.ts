import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import app from '@adonisjs/core/services/app'
import type { Locale } from '@comptoir/contracts/commerce'
import { PluginRuntime } from '@comptoir/contracts/plugin_runtime'
import { departementOf, normalizePostcode } from '#src/distance'
import { formatReadyAt, openingHoursRows, slotsByDay } from '#src/display'
import { type ClickCollectSettings, maxStores } from '#src/settings'
import StoreAvailabilityService from '#src/store_availability'
import { originOf } from '#src/store_selection'
import { STOREFRONT_PATH } from '#src/paths'

/**
 * Store availability of a variant for a postcode, and a store's hours and
 * pickup slots. Plain GET pages: they work without JavaScript and hold
 * nothing of the visitor but what the URL says.
 */
export default class PickupController {
  constructor(protected stores = new StoreAvailabilityService()) {}

  async availability({ request, view, i18n }: HttpContext) {
    const variantId = Number(request.input('variant'))
    if (!Number.isSafeInteger(variantId) || variantId < 1) throw new lucidErrors.E_ROW_NOT_FOUND()
    const postcode = String(request.input('postcode') ?? '').slice(0, 20)
    const known = departementOf(postcode) !== null
    const locale = i18n.locale as Locale
    const runtime = await app.container.make(PluginRuntime)
    const context = await runtime.contextOf('shipping-click-collect')
    const limit = maxStores((context?.settings ?? {}) as Partial<ClickCollectSettings>)

    const rows = await this.stores.forVariant(
      variantId,
      known ? originOf(postcode) : null,
      new Date(),
      limit
    )
    if (!rows) throw new lucidErrors.E_ROW_NOT_FOUND()

    return view.render('shipping-click-collect::availability', {
      base: STOREFRONT_PATH,
      variantId,
      postcode: postcode.trim(),
      searched: known ? normalizePostcode(postcode) : null,
      postcodeError:
        postcode.trim() && !known ? i18n.t('shipping-click-collect.search.invalid') : null,
      stores: rows.map((row) => ({
        ...row,
        readyAt: row.readyAt && formatReadyAt(row.readyAt, locale),
      })),
    })
  }

  async store({ params, view, i18n }: HttpContext) {
    const locale = i18n.locale as Locale
    const found = await this.stores.storeWithSlots(String(params.code), new Date())
    if (!found) throw new lucidErrors.E_ROW_NOT_FOUND()
    return view.render('shipping-click-collect::store', {
      store: found.store,
      hours: openingHoursRows(found.store.hours, locale),
      slotDays: slotsByDay(found.slots, locale),
    })
  }
}
