import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import { WITHDRAWAL_STATUSES } from '#domain/withdrawal_handling'
import Order from '#models/order'
import OrderWithdrawals from '#services/withdrawals/order_withdrawals'
import WithdrawalDesk from '#services/withdrawals/withdrawal_desk'
import { adminOrderActor } from '#support/admin_actor'
import { withdrawalRefusal } from '#support/withdrawal_texts'
import { isoDay } from '#validators/admin_order'
import {
  withdrawalFormMessages,
  withdrawalListValidator,
  writtenWithdrawalQueryValidator,
  writtenWithdrawalValidator,
} from '#validators/withdrawal'

/**
 * Withdrawals in the back office: the list with each refund's due date, one
 * withdrawal's page, and a statement received by letter or e-mail entered
 * by staff (W-07). Reading needs orders.view; entering a statement, as it
 * changes the order, orders.manage like the goods and the refund.
 */
@inject()
export default class WithdrawalsController {
  constructor(
    protected desk: WithdrawalDesk,
    protected withdrawals: OrderWithdrawals
  ) {}

  async index({ request, view, bouncer }: HttpContext) {
    const filters = await request.validateUsing(withdrawalListValidator, { data: request.qs() })
    const { page, rows } = await this.desk.list({ ...filters, page: filters.page ?? 1 })
    page.baseUrl(request.url()).queryString(request.qs())
    return view.render('pages/admin/withdrawals/index', {
      page,
      rows,
      filters,
      statuses: WITHDRAWAL_STATUSES,
      canManage: await bouncer.allows('useBackOffice', 'orders.manage'),
    })
  }

  async show({ params, view, bouncer }: HttpContext) {
    const detail = await this.desk.detail(Number(params.id))
    return view.render('pages/admin/withdrawals/show', {
      ...detail,
      canManage: await bouncer.allows('useBackOffice', 'orders.manage'),
      today: DateTime.now().setZone(SHOP_TIME_ZONE).toISODate(),
    })
  }

  /** The form for a statement received in writing, prefilled from the order when named. */
  async create({ request, view }: HttpContext) {
    const { order: number } = await request.validateUsing(writtenWithdrawalQueryValidator, {
      data: request.qs(),
    })
    const order = number ? await Order.findBy('number', number) : null
    const state = order ? await this.withdrawals.state(order) : null
    return view.render('pages/admin/withdrawals/create', {
      order,
      standing: state,
      offered: state?.withdrawable.filter((entry) => entry.units > 0) ?? [],
      today: DateTime.now().setZone(SHOP_TIME_ZONE).toISODate(),
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const [error, values] = await writtenWithdrawalValidator.tryValidate(request.all(), {
      messagesProvider: withdrawalFormMessages(i18n),
    })
    const number = String(request.input('order_number', ''))
    const back = () =>
      response.redirect().toRoute('admin.withdrawals.create', {}, { qs: { order: number } })
    if (error) {
      session.flashValidationErrors(error)
      session.flash('error', i18n.t('withdrawals.admin.flash.invalid'))
      return back()
    }
    const order = await Order.findBy('number', values.order_number)
    if (!order) {
      session.flashExcept(['_csrf'])
      session.flash('error', i18n.t('withdrawals.refusals.unknown_order', { number }))
      return back()
    }
    const sentOn = isoDay(values.sent_on)
    const outcome = await this.withdrawals.submit(
      order.id,
      {
        consumerName: values.consumer_name,
        email: values.email,
        reason: values.reason ?? null,
        lines: values.lines
          .filter((line) => line.selected)
          .map((line) => ({ orderLineId: line.order_line_id, quantity: line.quantity ?? 0 })),
      },
      {
        channel: values.channel,
        sentAt: DateTime.fromISO(`${sentOn}T${values.sent_time ?? '00:00'}`, {
          zone: SHOP_TIME_ZONE,
        }),
        sentTimeKnown: values.sent_time !== undefined,
        receivedOn: isoDay(values.received_on),
        actor: adminOrderActor(ctx),
      }
    )
    if (outcome.kind === 'refused') {
      session.flashExcept(['_csrf'])
      session.flash('error', withdrawalRefusal(i18n, outcome.reason, order.number, outcome.lastDay))
      return back()
    }
    session.flash('success', i18n.t('withdrawals.admin.flash.recorded', { number: order.number }))
    return response.redirect().toRoute('admin.withdrawals.show', { id: outcome.withdrawal.id })
  }
}
