import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CustomerGroups from '#services/customers/customer_groups'
import { adminActor } from '#support/admin_actor'
import {
  customerGroupsValidator,
  customerGroupValidator,
  promotionMessages,
} from '#validators/promotion'

/**
 * Customer groups in the back office (the members of a vente privée), and
 * the groups of one customer, set from their page.
 */
@inject()
export default class CustomerGroupsController {
  constructor(protected groups: CustomerGroups) {}

  async index({ view }: HttpContext) {
    return view.render('pages/admin/customer_groups/index', { groups: await this.groups.list() })
  }

  async edit({ params, view }: HttpContext) {
    return view.render('pages/admin/customer_groups/edit', {
      group: await this.groups.load(Number(params.id)),
    })
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.id))
  }

  async destroy(ctx: HttpContext) {
    const { params, response, session, i18n } = ctx
    const result = await this.groups.delete(Number(params.id), adminActor(ctx))
    if (result.status === 'in_use') {
      session.flash('error', i18n.t('promotions.groups.in_use', { count: result.rules }))
      return response.redirect().toRoute('admin.customer_groups.edit', { id: params.id })
    }
    session.flash('success', i18n.t('promotions.groups.deleted'))
    return response.redirect().toRoute('admin.customer_groups.index')
  }

  /** The groups ticked on a customer's page. */
  async assign(ctx: HttpContext) {
    const { params, request, response, session, i18n } = ctx
    const { group_ids: groupIds } = await request.validateUsing(customerGroupsValidator)
    await this.groups.setCustomerGroups(Number(params.id), groupIds ?? [], adminActor(ctx))
    session.flash('success', i18n.t('promotions.groups.assigned'))
    return response.redirect().toRoute('admin.customers.show', { id: params.id })
  }

  private async save(ctx: HttpContext, groupId: number | null) {
    const { request, response, session, i18n } = ctx
    const [error, values] = await customerGroupValidator.tryValidate(request.all(), {
      meta: { groupId },
      messagesProvider: promotionMessages(i18n),
    })
    if (error) {
      session.flashValidationErrors(error)
      return groupId
        ? response.redirect().toRoute('admin.customer_groups.edit', { id: groupId })
        : response.redirect().toRoute('admin.customer_groups.index')
    }
    const input = { name: values.name, description: values.description || null }
    const group = groupId
      ? await this.groups.update(groupId, input, adminActor(ctx))
      : await this.groups.create(input, adminActor(ctx))
    session.flash('success', i18n.t('promotions.groups.saved', { name: group.name }))
    return response.redirect().toRoute('admin.customer_groups.index')
  }
}
