import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { I18n } from '@adonisjs/i18n'
import Order from '#models/order'
import OrderPickups, { type PickupOutcome } from '#services/orders/order_pickups'
import { adminOrderActor } from '#support/admin_actor'
import { refusalMessage } from '#support/order_texts'
import { handoverValidator, pickupFormMessages } from '#validators/pickup'

/** A refusal of OrderPickups in the merchant's language; order-service codes read as elsewhere. */
function pickupRefusal(i18n: I18n, outcome: PickupOutcome & { kind: 'refused' }, number: string) {
  const key = `pickups.refusals.${outcome.reason}`
  return i18n.hasMessage(key) || i18n.hasFallbackMessage(key)
    ? i18n.t(key, { number, count: outcome.attemptsLeft ?? 0 })
    : refusalMessage(i18n, outcome.reason, number)
}

/**
 * Click & collect at the counter, from the order page: make the order
 * ready (the customer gets a pickup code), send a new code, hand it over
 * against the code. Each answers on the order page.
 */
@inject()
export default class OrderPickupsController {
  constructor(protected pickups: OrderPickups) {}

  async markReady(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const outcome = await this.pickups.markReady(order.id, adminOrderActor(ctx))
    return this.answer(ctx, order, outcome, 'ready')
  }

  async sendNewCode(ctx: HttpContext) {
    const order = await Order.findOrFail(ctx.params.id)
    const outcome = await this.pickups.sendNewCode(order.id, adminOrderActor(ctx))
    return this.answer(ctx, order, outcome, 'new_code')
  }

  async handOver(ctx: HttpContext) {
    const { request, session, i18n } = ctx
    const order = await Order.findOrFail(ctx.params.id)
    const [error, values] = await handoverValidator.tryValidate(request.all(), {
      messagesProvider: pickupFormMessages(i18n),
      meta: undefined,
    })
    if (error) {
      session.flashValidationErrors(error)
      session.flash('error', i18n.t('pickups.flash.invalid'))
      return this.backTo(ctx, order)
    }
    const outcome = await this.pickups.handOver(
      order.id,
      { code: values.code, paymentReceived: values.payment_received ?? false },
      adminOrderActor(ctx)
    )
    return this.answer(ctx, order, outcome, 'collected')
  }

  private backTo({ response }: HttpContext, order: Order) {
    return response.redirect().toRoute('admin.orders.show', { id: order.id })
  }

  private answer(ctx: HttpContext, order: Order, outcome: PickupOutcome, done: string) {
    if (outcome.kind === 'done') {
      ctx.session.flash('success', ctx.i18n.t(`pickups.flash.${done}`, { number: order.number }))
    } else {
      ctx.session.flash('error', pickupRefusal(ctx.i18n, outcome, order.number))
    }
    return this.backTo(ctx, order)
  }
}
