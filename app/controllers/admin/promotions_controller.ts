import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Attribute from '#models/attribute'
import Brand from '#models/brand'
import Category from '#models/category'
import CustomerGroup from '#models/customer_group'
import { categoryTree } from '#domain/category_tree'
import { parisDate } from '#domain/paris_time'
import { isRunning, DISCOUNT_TYPES, PROMOTION_KINDS } from '#domain/pricing/promotion_rules'
import PromotionAdminService from '#services/pricing/promotion_admin_service'
import SoldesCalendarService from '#services/pricing/soldes_calendar_service'
import { adminActor } from '#support/admin_actor'
import {
  periodText,
  promotionFormData,
  promotionFormFromSubmission,
  refusalErrors,
  toPromotionInput,
} from '#support/promotion_form'
import {
  promotionGridValidator,
  promotionMessages,
  promotionValidator,
} from '#validators/promotion'

/**
 * Promotion rules in the back office (LEGAL.md §5): the list, the form, and
 * ending or deleting a rule.
 */
@inject()
export default class PromotionsController {
  constructor(
    protected promotions: PromotionAdminService,
    protected soldes: SoldesCalendarService
  ) {}

  async index({ request, view, i18n }: HttpContext) {
    const { page } = await request.validateUsing(promotionGridValidator, { data: request.qs() })
    const rules = await this.promotions.list(page ?? 1)
    rules.baseUrl(request.url())
    const now = new Date()
    const calendar = await this.soldes.calendar()
    return view.render('pages/admin/promotions/index', {
      rules,
      statuses: new Map(
        rules
          .all()
          .map((rule) => [
            rule.id,
            rule.startsAt.toJSDate() > now
              ? 'scheduled'
              : isRunning(
                    { startsAt: rule.startsAt.toJSDate(), endsAt: rule.endsAt?.toJSDate() ?? null },
                    now
                  )
                ? 'running'
                : 'ended',
          ])
      ),
      periods: calendar
        .periods(Number(parisDate(now).slice(0, 4)))
        .map((period) => periodText(i18n, period)),
    })
  }

  async create({ view, i18n, session }: HttpContext) {
    return view.render('pages/admin/promotions/form', {
      rule: null,
      started: false,
      form: this.submitted(session) ?? promotionFormData(null, [], i18n.locale),
      ...(await this.choices(i18n.locale)),
    })
  }

  async edit({ params, view, i18n, session }: HttpContext) {
    const { rule, productSkus } = await this.promotions.load(Number(params.id))
    return view.render('pages/admin/promotions/form', {
      rule,
      started: rule.startsAt.toJSDate() <= new Date(),
      form: this.submitted(session) ?? promotionFormData(rule, productSkus, i18n.locale),
      ...(await this.choices(i18n.locale)),
    })
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.id))
  }

  async stop(ctx: HttpContext) {
    const rule = await this.promotions.stop(Number(ctx.params.id), adminActor(ctx))
    ctx.session.flash('success', ctx.i18n.t('promotions.admin.stopped', { name: rule.name }))
    return ctx.response.redirect().toRoute('admin.promotions.index')
  }

  async destroy(ctx: HttpContext) {
    const result = await this.promotions.delete(Number(ctx.params.id), adminActor(ctx))
    if (result.status === 'started') {
      ctx.session.flash('error', ctx.i18n.t('promotions.admin.delete_started'))
      return ctx.response.redirect().toRoute('admin.promotions.edit', { id: ctx.params.id })
    }
    ctx.session.flash('success', ctx.i18n.t('promotions.admin.deleted'))
    return ctx.response.redirect().toRoute('admin.promotions.index')
  }

  private async save(ctx: HttpContext, ruleId: number | null) {
    const { request, response, session, i18n } = ctx
    const back = () =>
      ruleId
        ? response.redirect().toRoute('admin.promotions.edit', { id: ruleId })
        : response.redirect().toRoute('admin.promotions.create')
    const [error, values] = await promotionValidator.tryValidate(request.all(), {
      messagesProvider: promotionMessages(i18n),
    })
    if (error) {
      session.flashValidationErrors(error)
      return back()
    }
    const input = toPromotionInput(values)
    const result = ruleId
      ? await this.promotions.update(ruleId, input, adminActor(ctx))
      : await this.promotions.create(input, adminActor(ctx))
    if (result.kind === 'refused') {
      session.flashValidationErrors(refusalErrors(i18n, result.refusals))
      return back()
    }
    session.flash('success', i18n.t('promotions.admin.saved', { name: result.rule.name }))
    return response.redirect().toRoute('admin.promotions.index')
  }

  /** After a refusal the form is shown again as the merchant typed it. */
  private submitted(session: HttpContext['session']) {
    const old = session.flashMessages.all()
    return old.kind !== undefined ? promotionFormFromSubmission(old) : null
  }

  private async choices(locale: string) {
    const [categories, brands, attributes, groups] = await Promise.all([
      Category.query().preload('translations', (query) => query.where('locale', locale)),
      Brand.query().orderBy('name'),
      Attribute.query()
        .whereIn('type', ['select', 'multiselect'])
        .orderBy('position')
        .preload('options', (options) => options.orderBy('position')),
      CustomerGroup.query().orderBy('name'),
    ])
    return {
      kinds: PROMOTION_KINDS,
      discountTypes: DISCOUNT_TYPES,
      categories: categoryTree(categories).map((entry) => entry.category),
      brands,
      attributes,
      groups,
    }
  }
}
