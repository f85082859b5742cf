import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import { parisDate } from '#domain/paris_time'
import { overrideProblem } from '#domain/pricing/soldes_periods'
import SoldesCalendarService from '#services/pricing/soldes_calendar_service'
import { adminActor } from '#support/admin_actor'
import { periodText, typedDay } from '#support/promotion_form'
import { promotionMessages } from '#validators/promotion'
import { soldesPeriodValidator } from '#validators/soldes_period'

/**
 * The soldes calendar (LEGAL.md PR-08): the periods in force this year and
 * the next, and the dates the merchant records over the arrêté's.
 */
@inject()
export default class SoldesCalendarController {
  constructor(protected soldes: SoldesCalendarService) {}

  async show({ view, i18n }: HttpContext) {
    const year = Number(parisDate(new Date()).slice(0, 4))
    const [calendar, overrides] = await Promise.all([
      this.soldes.calendar(),
      this.soldes.overrides(),
    ])
    return view.render('pages/admin/promotions/soldes', {
      year,
      years: [year, year + 1].map((each) => ({
        year: each,
        periods: calendar.periods(each).map((period) => ({
          season: period.season,
          source: period.source,
          text: periodText(i18n, period),
        })),
      })),
      overrides,
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const [error, values] = await soldesPeriodValidator.tryValidate(request.all(), {
      messagesProvider: promotionMessages(i18n),
    })
    const problem =
      values &&
      overrideProblem({
        year: values.year,
        firstDay: typedDay(values.first_day),
        lastDay: typedDay(values.last_day),
      })
    if (error || problem) {
      session.flashValidationErrors(
        error ??
          new errors.E_VALIDATION_ERROR([
            {
              field: 'last_day',
              rule: problem,
              message: i18n.t(`promotions.soldes.problems.${problem}`),
            },
          ])
      )
      return response.redirect().toRoute('admin.soldes.show')
    }
    await this.soldes.save(
      {
        year: values.year,
        season: values.season,
        firstDay: typedDay(values.first_day),
        lastDay: typedDay(values.last_day),
        openingTime: values.opening_time,
        note: values.note || null,
      },
      adminActor(ctx)
    )
    session.flash('success', i18n.t('promotions.soldes.saved'))
    return response.redirect().toRoute('admin.soldes.show')
  }

  async destroy(ctx: HttpContext) {
    await this.soldes.delete(Number(ctx.params.id), adminActor(ctx))
    ctx.session.flash('success', ctx.i18n.t('promotions.soldes.deleted'))
    return ctx.response.redirect().toRoute('admin.soldes.show')
  }
}
