import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import CategoryService from '#services/catalog/category_service'
import { categoryTree } from '#domain/category_tree'
import { categoryValidator, manualPositionValidator } from '#validators/admin_catalog'
import { adminActor } from '#support/admin_actor'

@inject()
export default class CategoriesController {
  constructor(protected categories: CategoryService) {}

  async index({ view }: HttpContext) {
    const tree = await this.tree()
    return view.render('pages/admin/catalog/reference/categories', {
      tree,
      parents: tree.map((entry) => entry.category),
    })
  }

  async edit({ params, view }: HttpContext) {
    const category = await Category.query()
      .where('id', params.id)
      .preload('translations')
      .firstOrFail()
    const tree = await this.tree()
    return view.render('pages/admin/catalog/reference/category_form', {
      category,
      parents: tree
        .map((entry) => entry.category)
        .filter((candidate) => !candidate.path.startsWith(category.path)),
    })
  }

  /**
   * Moves a category among its siblings, in the tree and the shop's menus.
   */
  async move(ctx: HttpContext) {
    const { position } = await ctx.request.validateUsing(manualPositionValidator)
    await this.categories.moveCategory(Number(ctx.params.id), position, adminActor(ctx))
    ctx.session.flash('success', ctx.i18n.t('admin.catalog.order.category_moved'))
    return ctx.response.redirect().toRoute('admin.catalog_categories.index')
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
   * Every category with its translations, in tree order: each followed by its
   * children, siblings in the merchant's order.
   */
  private async tree() {
    return categoryTree(await Category.query().preload('translations'))
  }
}
