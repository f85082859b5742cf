import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CustomerDirectory from '#services/customers/customer_directory'
import CustomerGroups from '#services/customers/customer_groups'
import CustomerNotes from '#services/customers/customer_notes'
import { adminOrderActor } from '#support/admin_actor'
import { orderFormMessages } from '#validators/admin_order'
import { customerGridValidator, customerNoteValidator } from '#validators/admin_customer'

/**
 * Customer accounts in the back office: the list, one customer's page, and
 * the staff notes left on it.
 */
@inject()
export default class CustomersController {
  constructor(protected directory: CustomerDirectory) {}

  async index({ request, view }: HttpContext) {
    const filters = await request.validateUsing(customerGridValidator, { data: request.qs() })
    const { customers, stats } = await this.directory.list({
      q: filters.q,
      page: filters.page ?? 1,
    })
    customers.baseUrl(request.url()).queryString(request.qs())
    return view.render('pages/admin/customers/index', { customers, stats, filters })
  }

  @inject()
  async show({ params, view, i18n }: HttpContext, groups: CustomerGroups) {
    const profile = await this.directory.profile(Number(params.id), i18n.locale)
    return view.render('pages/admin/customers/show', {
      ...profile,
      groups: await groups.ofCustomer(profile.customer.id),
    })
  }

  @inject()
  async note(ctx: HttpContext, notes: CustomerNotes) {
    const { params, request, response, session, i18n } = ctx
    const [error, values] = await customerNoteValidator.tryValidate(request.all(), {
      messagesProvider: orderFormMessages(i18n),
    })
    if (!error) {
      await notes.add(Number(params.id), values.body, adminOrderActor(ctx))
      session.flash('success', i18n.t('admin_customers.flash.noted'))
    } else {
      session.flashValidationErrors(error)
    }
    return response.redirect().toRoute('admin.customers.show', { id: params.id })
  }
}
