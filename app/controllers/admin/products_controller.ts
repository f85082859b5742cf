import { readFile } from 'node:fs/promises'
import { inject } from '@adonisjs/core'
import { adminActor } from '#support/admin_actor'
import type { HttpContext } from '@adonisjs/core/http'
import Brand from '#models/brand'
import Category from '#models/category'
import { categoryTree } from '#domain/category_tree'
import PriceHistory from '#models/price_history'
import Product from '#models/product'
import AdminProductGrid from '#services/catalog/admin_product_grid'
import ProductImageService from '#services/catalog/product_image_service'
import {
  productGridValidator,
  productImageArrangementValidator,
  productImageValidator,
} from '#validators/admin_catalog'

export default class ProductsController {
  @inject()
  async index({ request, view, i18n }: HttpContext, grid: AdminProductGrid) {
    const filters = await request.validateUsing(productGridValidator, { data: request.qs() })
    const products = await grid.run(
      {
        q: filters.q,
        categoryId: filters.category,
        brandId: filters.brand,
        status: filters.status,
        stock: filters.stock,
        sort: filters.sort ?? 'newest',
        page: filters.page ?? 1,
      },
      i18n.locale
    )
    products.baseUrl(request.url()).queryString(request.qs())
    const [categories, brands] = await Promise.all([
      Category.query().preload('translations', (q) => q.where('locale', i18n.locale)),
      Brand.query().orderBy('name'),
    ])
    return view.render('pages/admin/catalog/index', {
      products,
      filters,
      categories: categoryTree(categories).map((entry) => entry.category),
      brands,
    })
  }

  async show({ params, view }: HttpContext) {
    const product = await Product.query()
      .where('id', params.id)
      .preload('translations')
      .preload('brand')
      .preload('images', (query) => query.orderBy('position'))
      .preload('variants', (query) =>
        query.orderBy('position').preload('stockLevels', (levels) => levels.preload('location'))
      )
      .firstOrFail()
    const priceHistory = await PriceHistory.query()
      .whereIn(
        'variant_id',
        product.variants.map((variant) => variant.id)
      )
      .orderBy('changed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(50)
    return view.render('pages/admin/catalog/show', { product, priceHistory })
  }

  /**
   * Adds an image. Its alt text is required: shoppers using a screen reader
   * hear it instead of seeing the picture.
   */
  @inject()
  async storeImage(ctx: HttpContext, images: ProductImageService) {
    const { params, request, response, session, i18n } = ctx
    const product = await Product.findOrFail(params.id)
    const {
      image,
      alt_fr: altFr,
      alt_en: altEn,
    } = await request.validateUsing(productImageValidator)
    const result = await images.store(
      {
        productId: product.id,
        bytes: await readFile(image.tmpPath!),
        alt: { fr: altFr, en: altEn ?? altFr },
      },
      adminActor(ctx)
    )
    if (result.status === 'rejected') {
      session.flashExcept(['image'])
      session.flash('inputErrorsBag', {
        image: [i18n.t(`admin.catalog.images.rejected.${result.reason}`)],
      })
      return response.redirect().back()
    }
    session.flash('success', i18n.t('admin.catalog.images.added'))
    return response.redirect().toRoute('admin.catalog.products.show', { id: product.id })
  }

  /**
   * Orders an image among the product's and ties it to a variant (or none).
   */
  @inject()
  async arrangeImage(ctx: HttpContext, images: ProductImageService) {
    const { params, request, response, session, i18n } = ctx
    const product = await Product.query().where('id', params.id).preload('variants').firstOrFail()
    const { position, variant_id: variantId } = await request.validateUsing(
      productImageArrangementValidator
    )
    const variant = product.variants.find((candidate) => candidate.id === variantId)
    await images.arrange(
      product.id,
      Number(params.imageId),
      { position, variantId: variant?.id ?? null },
      adminActor(ctx)
    )
    session.flash('success', i18n.t('admin.catalog.images.arranged'))
    return response.redirect().toRoute('admin.catalog.products.show', { id: product.id })
  }
}
