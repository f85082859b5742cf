import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import CategoryService from '#services/catalog/category_service'
import { categoryValidator } from '#validators/admin_catalog'
import { adminActor } from '#support/admin_actor'

@inject()
export default class CategoriesController {
  constructor(protected categories: CategoryService) {}

  async index({ view }: HttpContext) {
    return view.render('pages/admin/catalog/reference/categories', { tree: await this.tree() })
  }

  async edit({ params, view }: HttpContext) {
    const category = await Category.query()
      .where('id', params.id)
      .preload('translations')
      .firstOrFail()
    const tree = await this.tree()
    return view.render('pages/admin/catalog/reference/category_form', {
      category,
      parents: tree.filter((candidate) => !candidate.path.startsWith(category.path)),
    })
  }

  async store(ctx: HttpContext) {
    const values = await ctx.request.validateUsing(categoryValidator)
    await this.categories.create(
      {
        parentId: values.parent_id ?? null,
        enabled: values.enabled ?? false,
        translations: this.translations(values.translations),
      },
      adminActor(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('admin.catalog.reference.saved'))
    return ctx.response.redirect().toRoute('admin.catalog_categories.index')
  }

  async update(ctx: HttpContext) {
    const values = await ctx.request.validateUsing(categoryValidator)
    const result = await this.categories.update(
      Number(ctx.params.id),
      {
        parentId: values.parent_id ?? null,
        enabled: values.enabled ?? false,
        translations: this.translations(values.translations),
      },
      adminActor(ctx)
    )
    if (result.status === 'invalid_parent') {
      ctx.session.flashAll()
      ctx.session.flash('inputErrorsBag', {
        parent_id: [ctx.i18n.t('admin.catalog.reference.invalid_parent')],
      })
      return ctx.response.redirect().back()
    }
    ctx.session.flash('success', ctx.i18n.t('admin.catalog.reference.saved'))
    return ctx.response.redirect().toRoute('admin.catalog_categories.index')
  }

  private translations(values: {
    fr: { name: string; slug?: string; description?: string }
    en?: { name?: string; slug?: string; description?: string }
  }) {
    return [
      { locale: 'fr' as const, ...values.fr },
      ...(values.en?.name ? [{ locale: 'en' as const, ...values.en, name: values.en.name }] : []),
    ]
  }

  /**
   * Every category in tree order (the materialised path sorts a parent before
   * its children), with its French name.
   */
  private async tree() {
    return Category.query().preload('translations').orderBy('path')
  }
}
