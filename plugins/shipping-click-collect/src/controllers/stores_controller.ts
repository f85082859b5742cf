import { errors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { openingHoursRows } from '#src/display'
import StoreDirectory from '#src/store_directory'
import { storeFormValues } from '#src/store_form'
import { HOURS_FIELDS, STORE_FIELDS, validateStore } from '#src/store_validator'
import { ADMIN_STORES_PATH as STORES_PATH } from '#src/paths'

/**
 * The click & collect stores: the core's locations open to click & collect,
 * and the details of each that this plugin keeps (address, hours, delays,
 * slots). Names and which locations take part are set on the core's stock
 * locations. Admin writes are not audit-logged yet: the core does not expose
 * its audit log to plugins.
 */
export default class StoresController {
  constructor(protected stores = new StoreDirectory()) {}

  async index({ view, i18n }: HttpContext) {
    const locations = await this.stores.locations()
    return view.render('shipping-click-collect::admin/stores', {
      base: STORES_PATH,
      locations: locations.map(({ place, details }) => ({
        place,
        details,
        hours:
          details && openingHoursRows(details.openingHours, i18n.locale === 'en' ? 'en' : 'fr'),
      })),
    })
  }

  async edit({ params, view, i18n }: HttpContext) {
    const location = await this.find(params.id)
    return view.render('shipping-click-collect::admin/store_form', {
      base: STORES_PATH,
      place: location.place,
      values: storeFormValues(location.details, i18n.locale === 'en' ? 'en' : 'fr'),
      hoursFields: HOURS_FIELDS,
    })
  }

  async update({ params, request, i18n, session, response }: HttpContext) {
    const location = await this.find(params.id)
    const result = await validateStore(request.only([...STORE_FIELDS]), i18n)
    if (!result.valid) throw new errors.E_VALIDATION_ERROR(result.errors)
    await this.stores.save(location.place.id, result.store)
    session.flash(
      'success',
      i18n.t('shipping-click-collect.admin.saved', { name: location.place.name })
    )
    return response.redirect().toPath(STORES_PATH)
  }

  /** A click & collect location, or 404 for any other id. */
  private async find(id: unknown) {
    const location = await this.stores.location(Number(id))
    if (!location) throw new lucidErrors.E_ROW_NOT_FOUND()
    return location
  }
}
