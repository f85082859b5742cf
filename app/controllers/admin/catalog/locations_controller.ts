import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import StockLocation from '#models/stock_location'
import CatalogReferenceService from '#services/catalog/catalog_reference_service'
import { locationValidator } from '#validators/admin_catalog'
import { adminActor } from '#support/admin_actor'

@inject()
export default class LocationsController {
  constructor(protected reference: CatalogReferenceService) {}

  async index({ view }: HttpContext) {
    const locations = await StockLocation.query().orderBy('position').orderBy('id')
    return view.render('pages/admin/catalog/reference/locations', { locations })
  }

  async edit({ params, view }: HttpContext) {
    const location = await StockLocation.findOrFail(params.id)
    return view.render('pages/admin/catalog/reference/location_form', { location })
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.id))
  }

  private async save(ctx: HttpContext, locationId: number | null) {
    const values = await ctx.request.validateUsing(locationValidator, { meta: { locationId } })
    await this.reference.saveLocation(
      locationId,
      {
        code: values.code ?? '',
        name: values.name,
        type: values.type,
        fulfilsOnline: values.fulfils_online ?? false,
        clickAndCollect: values.click_and_collect ?? false,
      },
      adminActor(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('admin.catalog.reference.saved'))
    return ctx.response.redirect().toRoute('admin.catalog_locations.index')
  }
}
