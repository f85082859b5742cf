import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SearchSynonym from '#models/search_synonym'
import CatalogReferenceService from '#services/catalog/catalog_reference_service'
import { synonymValidator } from '#validators/admin_catalog'
import { adminActor } from '#support/admin_actor'

@inject()
export default class SynonymsController {
  constructor(protected reference: CatalogReferenceService) {}

  async index({ view }: HttpContext) {
    const synonyms = await SearchSynonym.query().orderBy('locale').orderBy('id')
    return view.render('pages/admin/catalog/reference/synonyms', { synonyms })
  }

  async store(ctx: HttpContext) {
    const { locale, terms } = await ctx.request.validateUsing(synonymValidator)
    await this.reference.addSynonyms(locale, terms, adminActor(ctx))
    ctx.session.flash('success', ctx.i18n.t('admin.catalog.reference.saved'))
    return ctx.response.redirect().toRoute('admin.catalog_synonyms.index')
  }

  async destroy(ctx: HttpContext) {
    await this.reference.deleteSynonyms(Number(ctx.params.id), adminActor(ctx))
    ctx.session.flash('success', ctx.i18n.t('admin.catalog.reference.deleted'))
    return ctx.response.redirect().toRoute('admin.catalog_synonyms.index')
  }
}
