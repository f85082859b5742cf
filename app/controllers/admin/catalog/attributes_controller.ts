import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Attribute from '#models/attribute'
import CatalogReferenceService from '#services/catalog/catalog_reference_service'
import { attributeOptionValidator, attributeValidator } from '#validators/admin_catalog'
import { adminActor } from '#support/admin_actor'

@inject()
export default class AttributesController {
  constructor(protected reference: CatalogReferenceService) {}

  async index({ view }: HttpContext) {
    const attributes = await Attribute.query()
      .withCount('options')
      .orderBy('position')
      .orderBy('id')
    return view.render('pages/admin/catalog/reference/attributes', { attributes })
  }

  async edit({ params, view }: HttpContext) {
    const attribute = await Attribute.query()
      .where('id', params.id)
      .preload('options', (query) => query.orderBy('position'))
      .firstOrFail()
    return view.render('pages/admin/catalog/reference/attribute_form', { attribute })
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.id))
  }

  async storeOption(ctx: HttpContext) {
    const attribute = await Attribute.findOrFail(ctx.params.id)
    const { code, labels } = await ctx.request.validateUsing(attributeOptionValidator)
    await this.reference.addOption(
      attribute.id,
      { code, labels: { fr: labels.fr, en: labels.en ?? labels.fr } },
      adminActor(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('admin.catalog.reference.saved'))
    return ctx.response.redirect().toRoute('admin.catalog_attributes.edit', { id: attribute.id })
  }

  private async save(ctx: HttpContext, attributeId: number | null) {
    const values = await ctx.request.validateUsing(attributeValidator, {
      meta: { recordId: attributeId },
    })
    const attribute = await this.reference.saveAttribute(
      attributeId,
      {
        code: values.code ?? '',
        type: values.type,
        unit: values.unit ?? null,
        labels: { fr: values.labels.fr, en: values.labels.en ?? values.labels.fr },
        filterable: values.filterable ?? false,
        searchable: values.searchable ?? false,
        visible: values.visible ?? false,
        variantOption: values.variant_option ?? false,
      },
      adminActor(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('admin.catalog.reference.saved'))
    return ctx.response.redirect().toRoute('admin.catalog_attributes.edit', { id: attribute.id })
  }
}
