import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Attribute from '#models/attribute'
import AttributeSet from '#models/attribute_set'
import CatalogReferenceService from '#services/catalog/catalog_reference_service'
import { attributeSetValidator } from '#validators/admin_catalog'
import { adminActor } from '#support/admin_actor'

/**
 * Attribute sets: the characteristics each type of product is described with.
 */
@inject()
export default class AttributeSetsController {
  constructor(protected reference: CatalogReferenceService) {}

  async index({ view }: HttpContext) {
    const [sets, attributes] = await Promise.all([
      AttributeSet.query().preload('attributes').orderBy('code'),
      Attribute.query().orderBy('position'),
    ])
    return view.render('pages/admin/catalog/reference/attribute_sets', { sets, attributes })
  }

  async edit({ params, view }: HttpContext) {
    const [set, attributes] = await Promise.all([
      AttributeSet.query().where('id', params.id).preload('attributes').firstOrFail(),
      Attribute.query().orderBy('position'),
    ])
    return view.render('pages/admin/catalog/reference/attribute_set_form', { set, attributes })
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.id))
  }

  private async save(ctx: HttpContext, setId: number | null) {
    const values = await ctx.request.validateUsing(attributeSetValidator, {
      meta: { recordId: setId },
    })
    await this.reference.saveAttributeSet(
      setId,
      {
        code: values.code ?? '',
        labels: { fr: values.labels.fr, en: values.labels.en ?? values.labels.fr },
        attributeIds: values.attributes ?? [],
      },
      adminActor(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('admin.catalog.reference.saved'))
    return ctx.response.redirect().toRoute('admin.catalog_attribute_sets.index')
  }
}
