import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { guaranteeCover, type ClaimProblem } from '#domain/guarantee'
import Order from '#models/order'
import OrderGuarantee from '#services/guarantee/order_guarantee'
import { formatCalendarDay } from '#support/calendar_days'
import { accessibleOrder } from '#support/order_access'
import { redirectToPage, shopperLocale } from '#support/shopper'
import { defectReportValidator, guaranteeFormMessages } from '#validators/guarantee'

/**
 * A defect reported under the legal guarantee of conformity from the order
 * page (LEGAL.md G-01 to G-03): the form, then the claim recorded and
 * acknowledged by e-mail. Open to whoever may see the order: the session
 * that placed it, its customer, a signed tracking link.
 */
@inject()
export default class GuaranteeClaimsController {
  constructor(protected guarantee: OrderGuarantee) {}

  async create(ctx: HttpContext) {
    const order = await accessibleOrder(ctx)
    const overview = await this.guarantee.overview(order)
    return ctx.view.render('pages/storefront/guarantee/form', {
      order,
      overview,
      // Units covered today and not in a claim under way (G-01, G-03).
      offered: overview.parcels.flatMap((parcel) =>
        parcel.lines
          .filter((held) => held.covered && held.claimable > 0)
          .map((held) => ({
            parcel,
            ...held,
            quantities: Array.from({ length: held.claimable }, (_, index) => index + 1),
          }))
      ),
      expired: overview.parcels.filter((parcel) => !parcel.covered),
    })
  }

  async store(ctx: HttpContext) {
    const order = await accessibleOrder(ctx)
    const [error, values] = await defectReportValidator.tryValidate(ctx.request.all(), {
      messagesProvider: guaranteeFormMessages(ctx.i18n),
    })
    if (error) {
      ctx.session.flashValidationErrors(error)
      ctx.session.flash('error', ctx.i18n.t('guarantee.form.invalid'))
      return this.backToForm(ctx, order)
    }
    const outcome = await this.guarantee.report(order.id, {
      description: values.description,
      preferredRemedy: values.preferred_remedy,
      units: values.lines
        .filter((line) => line.selected)
        .map((line) => ({
          shipmentId: line.shipment_id,
          orderLineId: line.order_line_id,
          quantity: line.quantity ?? 1,
        })),
    })
    if (outcome.kind === 'refused') {
      ctx.session.flashExcept(['_csrf'])
      ctx.session.flash('error', this.refusal(ctx, outcome.problem, order))
      return this.backToForm(ctx, order)
    }
    ctx.session.flash(
      'notice',
      ctx.i18n.t('guarantee.form.recorded', {
        id: outcome.claim.id,
        date: formatCalendarDay(outcome.claim.dueOn, shopperLocale(ctx)),
        email: order.email,
      })
    )
    return redirectToPage(ctx, `/orders/${order.number}`)
  }

  /** Why the report was not recorded; past the guarantee, what is left to the consumer (G-04). */
  private refusal(ctx: HttpContext, problem: ClaimProblem, order: Order): string {
    if (problem.reason !== 'expired') {
      return ctx.i18n.t(`guarantee.refusals.${problem.reason}`, { number: order.number })
    }
    const locale = shopperLocale(ctx)
    // A remedy done moved the end (G-03): "two years after delivery" would be wrong.
    const extended =
      problem.cover.guaranteeEnd !== guaranteeCover(problem.cover.deliveredOn).guaranteeEnd
    const expired = ctx.i18n.t(`guarantee.refusals.${extended ? 'expired_extended' : 'expired'}`, {
      end: formatCalendarDay(problem.cover.guaranteeEnd, locale),
      delivered: formatCalendarDay(problem.cover.deliveredOn, locale),
    })
    return `${expired} ${ctx.i18n.t('guarantee.refusals.hidden_defects')}`
  }

  private backToForm(ctx: HttpContext, order: Order) {
    return redirectToPage(ctx, `/orders/${order.number}/guarantee`)
  }
}
