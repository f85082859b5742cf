import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import { CLAIM_STATUSES } from '#domain/guarantee'
import GuaranteeDesk, {
  type ClaimDecision,
  type ClaimStaff,
} from '#services/guarantee/guarantee_desk'
import { adminActor, adminOrderActor } from '#support/admin_actor'
import {
  claimClosingValidator,
  claimListValidator,
  claimRefusalValidator,
  guaranteeFormMessages,
} from '#validators/guarantee'

/**
 * After-sales under the legal guarantee (SAV) in the back office: the claims
 * with their 30-day deadline (G-03), one claim's page, and staff decisions,
 * each coming back to the claim with what happened or why it did not.
 */
@inject()
export default class GuaranteeClaimsController {
  constructor(protected desk: GuaranteeDesk) {}

  async index({ request, view }: HttpContext) {
    const filters = await request.validateUsing(claimListValidator, { data: request.qs() })
    const { page, rows } = await this.desk.list({ ...filters, page: filters.page ?? 1 })
    page.baseUrl(request.url()).queryString(request.qs())
    return view.render('pages/admin/guarantee/index', {
      page,
      rows,
      filters,
      statuses: CLAIM_STATUSES,
    })
  }

  async show({ params, view, bouncer }: HttpContext) {
    return view.render('pages/admin/guarantee/show', {
      ...(await this.desk.detail(Number(params.id))),
      canManage: await bouncer.allows('useBackOffice', 'orders.manage'),
    })
  }

  async accept(ctx: HttpContext) {
    return this.decide(ctx, { action: 'accept' })
  }

  async resolve(ctx: HttpContext) {
    return this.decide(ctx, { action: 'resolve' })
  }

  async refuse(ctx: HttpContext) {
    const values = await this.validate(ctx, claimRefusalValidator)
    if (!values) return this.backTo(ctx)
    return this.decide(ctx, { action: 'refuse', ...values })
  }

  async close(ctx: HttpContext) {
    const values = await this.validate(ctx, claimClosingValidator)
    if (!values) return this.backTo(ctx)
    return this.decide(ctx, { action: 'close_unresolved', note: values.note ?? null })
  }

  private async decide(ctx: HttpContext, decision: ClaimDecision) {
    const { admin, ip } = adminActor(ctx)
    const staff: ClaimStaff = { timeline: adminOrderActor(ctx), audit: { admin, ip } }
    const outcome = await this.desk.decide(Number(ctx.params.id), decision, staff)
    if (outcome.kind === 'done') {
      ctx.session.flash('success', ctx.i18n.t(`guarantee.admin.flash.${decision.action}`))
    } else {
      ctx.session.flash('error', ctx.i18n.t(`guarantee.admin.flash.${outcome.reason}`))
    }
    return this.backTo(ctx)
  }

  /** Validated fields, or null with the errors flashed for the form to show. */
  private async validate<Schema extends SchemaTypes>(
    { request, session, i18n }: HttpContext,
    validator: VineValidator<Schema, undefined>
  ): Promise<Infer<Schema> | null> {
    const [error, values] = await validator.tryValidate(request.all(), {
      messagesProvider: guaranteeFormMessages(i18n),
      meta: undefined,
    })
    if (error) {
      session.flashValidationErrors(error)
      session.flash('error', i18n.t('guarantee.admin.flash.invalid'))
      return null
    }
    return values
  }

  private backTo({ response, params }: HttpContext) {
    return response.redirect().toRoute('admin.guarantee_claims.show', { id: params.id })
  }
}
