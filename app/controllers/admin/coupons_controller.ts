import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import { categoryTree } from '#domain/category_tree'
import { COUPON_KINDS } from '#domain/coupons'
import CouponAdminService from '#services/coupon_admin_service'
import { couponFormData, couponFormFromSubmission, toCouponInput } from '#support/coupon_form'
import { adminActor } from '#support/admin_actor'
import { couponValidityText, couponValueText } from '#support/coupon_messages'
import { couponGridValidator, couponMessages, couponValidator } from '#validators/coupon'

@inject()
export default class CouponsController {
  constructor(protected coupons: CouponAdminService) {}

  async index({ request, view }: HttpContext) {
    const filters = await request.validateUsing(couponGridValidator, { data: request.qs() })
    const coupons = await this.coupons.list({ ...filters, page: filters.page ?? 1 })
    coupons.baseUrl(request.url()).queryString(request.qs())
    return view.render('pages/admin/coupons/index', {
      coupons,
      filters,
      couponValueText,
      couponValidityText,
    })
  }

  async create({ view, i18n, session }: HttpContext) {
    return view.render('pages/admin/coupons/form', {
      coupon: null,
      form: this.submitted(session) ?? couponFormData(null, [], i18n.locale),
      ...(await this.choices(i18n.locale)),
    })
  }

  async edit({ params, view, i18n, session }: HttpContext) {
    const { coupon, productSkus } = await this.coupons.load(Number(params.id))
    return view.render('pages/admin/coupons/form', {
      coupon,
      form: this.submitted(session) ?? couponFormData(coupon, productSkus, i18n.locale),
      ...(await this.choices(i18n.locale)),
    })
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.id))
  }

  async deactivate(ctx: HttpContext) {
    const coupon = await this.coupons.deactivate(Number(ctx.params.id), adminActor(ctx))
    ctx.session.flash('success', ctx.i18n.t('coupons.admin.deactivated', { code: coupon.code }))
    return ctx.response.redirect().toRoute('admin.coupons.index')
  }

  async destroy(ctx: HttpContext) {
    const result = await this.coupons.delete(Number(ctx.params.id), adminActor(ctx))
    if (result.status === 'used') {
      ctx.session.flash('error', ctx.i18n.t('coupons.admin.delete_used', result))
      return ctx.response.redirect().toRoute('admin.coupons.edit', { id: ctx.params.id })
    }
    ctx.session.flash('success', ctx.i18n.t('coupons.admin.deleted'))
    return ctx.response.redirect().toRoute('admin.coupons.index')
  }

  private async save(ctx: HttpContext, couponId: number | null) {
    const { request, response, session, i18n } = ctx
    const [error, values] = await couponValidator.tryValidate(request.all(), {
      meta: { couponId },
      messagesProvider: couponMessages(i18n),
    })
    if (error) {
      session.flashValidationErrors(error)
      return couponId
        ? response.redirect().toRoute('admin.coupons.edit', { id: couponId })
        : response.redirect().toRoute('admin.coupons.create')
    }
    const input = toCouponInput(values)
    const coupon = couponId
      ? await this.coupons.update(couponId, input, adminActor(ctx))
      : await this.coupons.create(input, adminActor(ctx))
    session.flash('success', i18n.t('coupons.admin.saved', { code: coupon.code }))
    return response.redirect().toRoute('admin.coupons.index')
  }

  /**
   * After a validation error the form is shown again as the merchant typed it.
   */
  private submitted(session: HttpContext['session']) {
    const old = session.flashMessages.all()
    return old.kind !== undefined ? couponFormFromSubmission(old) : null
  }

  private async choices(locale: string) {
    const categories = await Category.query().preload('translations', (query) =>
      query.where('locale', locale)
    )
    return {
      kinds: COUPON_KINDS,
      categories: categoryTree(categories).map((entry) => entry.category),
    }
  }
}
