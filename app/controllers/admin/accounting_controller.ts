import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import SalesJournal from '#services/invoices/sales_journal'
import { journalMessages, journalValidator } from '#validators/accounting'

/**
 * Comptabilité: the sales and VAT journal of a period, as CSV.
 */
export default class AccountingController {
  /** The period form, last month by default. */
  async show({ view }: HttpContext) {
    const lastMonth = DateTime.now().setZone(SHOP_TIME_ZONE).minus({ months: 1 })
    return view.render('pages/admin/accounting/show', {
      from: lastMonth.startOf('month').toISODate(),
      to: lastMonth.endOf('month').toISODate(),
    })
  }

  async journal({ request, response, session, i18n }: HttpContext) {
    const [error, period] = await journalValidator.tryValidate(request.qs(), {
      messagesProvider: journalMessages(i18n),
    })
    if (error) {
      session.flashValidationErrors(error)
      return response.redirect().toRoute('admin.accounting.show')
    }
    // VineJS read the days in the process's zone (UTC): read them back the same way.
    const from = DateTime.fromJSDate(period.from).toISODate()!
    const to = DateTime.fromJSDate(period.to).toISODate()!
    const name = `${i18n.t('invoices.accounting.filename')}-${from}_${to}.csv`
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${name}"`)
    response.header('cache-control', 'private, no-store')
    return response.stream(new SalesJournal().stream({ from, to }, i18n))
  }
}
