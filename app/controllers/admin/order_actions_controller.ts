import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import { Money } from '#domain/money'
import Order from '#models/order'
import BackOfficeOrders, { type OrderActionOutcome } from '#services/orders/back_office_orders'
import { adminOrderActor } from '#support/admin_actor'
import { refusalMessage } from '#support/order_texts'
import {
  cancellationValidator,
  deliveryValidator,
  emailResendValidator,
  isoDay,
  massShipmentValidator,
  orderFormMessages,
  orderNoteValidator,
  paidCancellationValidator,
  refundValidator,
  shipmentValidator,
} from '#validators/admin_order'

/**
 * What staff do to an order from its page (and to several from the grid):
 * each posts a form, goes through BackOfficeOrders, and comes back to the
 * page with a sentence saying what happened or why it did not.
 */
@inject()
export default class OrderActionsController {
  constructor(protected orders: BackOfficeOrders) {}

  async markPaid(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const outcome = await this.orders.markPaid(order.id, adminOrderActor(ctx))
    return this.answer(ctx, order, outcome, 'paid')
  }

  async capture(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const outcome = await this.orders.capture(order.id, adminOrderActor(ctx))
    return this.answer(ctx, order, outcome, 'captured')
  }

  async cancel(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const values = await this.validate(ctx, cancellationValidator)
    if (!values) return this.backTo(ctx, order)
    const outcome = await this.orders.cancel(order.id, values.reason, adminOrderActor(ctx))
    return this.answer(ctx, order, outcome, 'cancelled')
  }

  async refund(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const values = await this.validate(ctx, refundValidator)
    if (!values) return this.backTo(ctx, order)
    const lines = (values.lines ?? [])
      .filter((line) => line.quantity > 0)
      .map((line) => ({ orderLineId: line.order_line_id, quantity: line.quantity }))
    const amount = values.amount ? Money.parse(values.amount, order.currency)!.amount : undefined
    const outcome = await this.orders.refund(
      order.id,
      {
        credit: { lines, shipping: values.shipping ?? false, amount },
        reason: values.reason,
        mode: values.mode,
        requestKey: values.request_key,
      },
      adminOrderActor(ctx)
    )
    return this.answer(ctx, order, outcome, 'refunded')
  }

  async cancelPaid(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const values = await this.validate(ctx, paidCancellationValidator)
    if (!values) return this.backTo(ctx, order)
    const outcome = await this.orders.cancelPaid(
      order.id,
      { reason: values.reason, mode: values.mode, requestKey: values.request_key },
      adminOrderActor(ctx)
    )
    return this.answer(ctx, order, outcome, 'cancelled_refunded')
  }

  async settleRefund(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const outcome = await this.orders.settleRefund(order.id, Number(ctx.params.refundId))
    return this.answer(ctx, order, outcome, 'refunded')
  }

  async ship(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const values = await this.validate(ctx, shipmentValidator)
    if (!values) return this.backTo(ctx, order)
    const outcome = await this.orders.ship(
      order.id,
      {
        lines: values.lines.map((line) => ({
          orderLineId: line.order_line_id,
          quantity: line.quantity,
        })),
        carrier: values.carrier,
        trackingNumber: values.tracking_number,
        trackingUrl: values.tracking_url,
      },
      adminOrderActor(ctx)
    )
    return this.answer(ctx, order, outcome, 'shipped')
  }

  async deliver(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const values = await this.validate(ctx, deliveryValidator)
    if (!values) return this.backTo(ctx, order)
    const outcome = await this.orders.markDelivered(
      order.id,
      Number(ctx.params.shipmentId),
      isoDay(values.delivered_on),
      adminOrderActor(ctx)
    )
    return this.answer(ctx, order, outcome, 'delivered')
  }

  async note(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const values = await this.validate(ctx, orderNoteValidator)
    if (!values) return this.backTo(ctx, order)
    await this.orders.addNote(order.id, values.note, adminOrderActor(ctx))
    return this.answer(ctx, order, { kind: 'done' }, 'noted')
  }

  async resendEmail(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const values = await this.validate(ctx, emailResendValidator)
    if (!values) return this.backTo(ctx, order)
    const outcome = await this.orders.resendEmail(order.id, values.kind)
    return this.answer(ctx, order, outcome, 'email_queued')
  }

  /** The grid's mass action: each ticked order shipped whole, a report for each. */
  async shipMany(ctx: HttpContext) {
    const { response, session, i18n } = ctx
    const values = await this.validate(ctx, massShipmentValidator)
    if (!values) return response.redirect().toRoute('admin.orders.index')
    const report = await this.orders.shipEverythingLeft(
      values.ids,
      { carrier: values.carrier },
      adminOrderActor(ctx)
    )
    session.flash('massShip', {
      shipped: report.shipped,
      failed: report.failed.map((failure) => ({
        number: failure.number,
        reason: refusalMessage(i18n, failure.reason, failure.number),
      })),
    })
    return response.redirect().toRoute('admin.orders.index')
  }

  /** Validated fields, or null with the errors flashed for the form to show. */
  private async validate<Schema extends SchemaTypes>(
    { request, session, i18n }: HttpContext,
    validator: VineValidator<Schema, undefined>
  ): Promise<Infer<Schema> | null> {
    const [error, values] = await validator.tryValidate(request.all(), {
      messagesProvider: orderFormMessages(i18n),
      meta: undefined,
    })
    if (error) {
      session.flashValidationErrors(error)
      session.flash('error', i18n.t('admin_orders.flash.invalid'))
      return null
    }
    return values
  }

  private backTo({ response }: HttpContext, order: Order) {
    return response.redirect().toRoute('admin.orders.show', { id: order.id })
  }

  private answer(ctx: HttpContext, order: Order, outcome: OrderActionOutcome, done: string) {
    if (outcome.kind === 'done') {
      ctx.session.flash(
        'success',
        ctx.i18n.t(`admin_orders.flash.${done}`, { number: order.number })
      )
    } else {
      ctx.session.flash(
        'error',
        refusalMessage(ctx.i18n, outcome.reason, order.number, outcome.detail)
      )
    }
    return this.backTo(ctx, order)
  }
}
