import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Customer from '#models/customer'
import ContractArchive from '#models/contract_archive'
import type PrivacyRequest from '#models/privacy_request'
import PrivacyException from '#exceptions/privacy_exception'
import AuditLogService from '#services/audit_log_service'
import { parisDate } from '#domain/paris_time'
import AccountErasure from '#services/privacy/account_erasure'
import ContractArchives from '#services/privacy/contract_archives'
import { renderContractPdf } from '#services/privacy/contract_pdf'
import { personalDataOf } from '#services/privacy/personal_data'
import PrivacyRequests from '#services/privacy/privacy_requests'
import { adminActor } from '#support/admin_actor'
import { sendPrivateJson, sendPrivatePdf } from '#support/pdf_download'
import { privacyRequestValidator, staffErasureValidator } from '#validators/privacy'

/**
 * Data subjects' requests answered by staff (LEGAL.md R-03, R-04, P-09): the
 * open requests with their due dates, a customer's requests with the export
 * and the erasure, and archived contracts found by order number.
 */
@inject()
export default class PrivacyController {
  constructor(
    protected requests: PrivacyRequests,
    protected archives: ContractArchives
  ) {}

  async index({ view, request }: HttpContext) {
    const number = String(request.input('number', '')).trim().toUpperCase()
    const contract = number ? await ContractArchive.findBy('order_number', number) : null
    const requests = await this.requests.open()
    return view.render('pages/admin/privacy/index', {
      requests,
      customers: await customerNames(requests),
      number,
      contract,
    })
  }

  async contract({ params, response, i18n }: HttpContext) {
    const archive = await ContractArchive.findBy('order_number', String(params.number))
    if (!archive) throw PrivacyException.contractNotFound()
    if (!this.archives.isIntact(archive))
      throw PrivacyException.contractAltered(archive.orderNumber)
    const pdf = await renderContractPdf(archive, i18n.locale === 'en' ? 'en' : 'fr')
    return sendPrivatePdf(response, `${archive.orderNumber}.pdf`, pdf)
  }

  async show({ params, view }: HttpContext) {
    const customer = await Customer.findOrFail(params.id)
    return view.render('pages/admin/privacy/customer', {
      customer,
      requests: await this.requests.forCustomer(customer.id),
      today: parisDate(new Date()),
    })
  }

  async record(ctx: HttpContext) {
    const { params, request, response, session, i18n } = ctx
    const customer = await Customer.findOrFail(params.id)
    const input = await request.validateUsing(privacyRequestValidator)
    await this.requests.record({
      customerId: customer.id,
      kind: input.kind,
      receivedOn: parisDate(input.received_on),
      handledBy: adminActor(ctx).admin.fullName,
    })
    session.flash('success', i18n.t('privacy.admin.flash.recorded'))
    return response.redirect().toRoute('admin.customers.privacy.show', { id: customer.id })
  }

  async extend({ params, response, session, i18n }: HttpContext) {
    const request = await this.requests.ofCustomer(Number(params.id), Number(params.requestId))
    const outcome = await this.requests.extend(request)
    session.flash(
      outcome.status === 'extended' ? 'success' : 'error',
      i18n.t(`privacy.admin.flash.${outcome.status}`)
    )
    return response.redirect().toRoute('admin.customers.privacy.show', { id: params.id })
  }

  async complete(ctx: HttpContext) {
    const { params, response, session, i18n } = ctx
    const request = await this.requests.ofCustomer(Number(params.id), Number(params.requestId))
    await this.requests.complete(request, adminActor(ctx).admin.fullName)
    session.flash('success', i18n.t('privacy.admin.flash.completed'))
    return response.redirect().toRoute('admin.customers.privacy.show', { id: params.id })
  }

  /** the customer's data as they would download it; who exported it is audit-logged. */
  @inject()
  async export(ctx: HttpContext, auditLog: AuditLogService) {
    const customer = await Customer.findOrFail(ctx.params.id)
    const { admin, ip } = adminActor(ctx)
    await auditLog.record({
      actor: admin,
      action: 'customer.export',
      entityType: 'customer',
      entityId: customer.id,
      ip,
    })
    return sendPrivateJson(
      ctx.response,
      `customer-${customer.id}.json`,
      await personalDataOf(customer)
    )
  }

  /** erasure on request, as the customer's own deletion does it. */
  @inject()
  async erase(ctx: HttpContext, erasure: AccountErasure) {
    const { params, request, response, session, i18n } = ctx
    const customer = await Customer.findOrFail(params.id)
    const [error] = await staffErasureValidator.tryValidate(request.all())
    if (error) {
      session.flash('error', i18n.t('privacy.admin.flash.confirm'))
      return response.redirect().toRoute('admin.customers.privacy.show', { id: customer.id })
    }
    const { admin } = adminActor(ctx)
    const outcome = await erasure.erase(customer.id, {
      kind: 'staff',
      admin,
      name: admin.fullName,
    })
    if (outcome.status === 'orders_in_progress') {
      session.flash(
        'error',
        i18n.t('privacy.admin.flash.orders_in_progress', { numbers: outcome.numbers.join(', ') })
      )
      return response.redirect().toRoute('admin.customers.privacy.show', { id: customer.id })
    }
    session.flash('success', i18n.t('privacy.admin.flash.erased', { id: customer.id }))
    return response.redirect().toRoute('admin.privacy.index')
  }
}

/** Names of the customers requests concern, by id (an erased one has none). */
async function customerNames(requests: PrivacyRequest[]) {
  const ids = [...new Set(requests.map((entry) => entry.customerId).filter((id) => id !== null))]
  const customers = ids.length ? await Customer.query().whereIn('id', ids) : []
  return Object.fromEntries(
    customers.map((customer) => [customer.id, `${customer.firstName} ${customer.lastName}`])
  )
}
