import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import { Money } from '#domain/money'
import Withdrawal from '#models/withdrawal'
import WithdrawalDesk, { type WithdrawalStepOutcome } from '#services/withdrawals/withdrawal_desk'
import WithdrawalRefunds, { type RefundChoices } from '#services/withdrawals/withdrawal_refunds'
import { adminOrderActor } from '#support/admin_actor'
import { withdrawalRefusal } from '#support/withdrawal_texts'
import { isoDay } from '#validators/admin_order'
import {
  receivedValidator,
  shippedBackValidator,
  withdrawalFormMessages,
  withdrawalRefundValidator,
} from '#validators/withdrawal'

type RefundInput = Infer<typeof withdrawalRefundValidator>

/**
 * What the merchant does with a withdrawal: records the consumer's proof of
 * shipment and the goods received (sealed goods inspected), previews the
 * refund with its breakdown, then makes it. Each comes back to the
 * withdrawal's page with what happened or why it did not.
 */
@inject()
export default class WithdrawalActionsController {
  constructor(
    protected desk: WithdrawalDesk,
    protected refunds: WithdrawalRefunds
  ) {}

  async shippedBack(ctx: HttpContext) {
    const withdrawal = await Withdrawal.findOrFail(ctx.params.id)
    const values = await this.validate(ctx, shippedBackValidator)
    if (!values) return this.backTo(ctx, withdrawal)
    const outcome = await this.desk.markShippedBack(
      withdrawal.id,
      isoDay(values.shipped_on),
      adminOrderActor(ctx)
    )
    return this.answer(ctx, withdrawal, outcome, 'shipped_back')
  }

  async received(ctx: HttpContext) {
    const withdrawal = await Withdrawal.findOrFail(ctx.params.id)
    const values = await this.validate(ctx, receivedValidator)
    if (!values) return this.backTo(ctx, withdrawal)
    const outcome = await this.desk.markReceived(
      withdrawal.id,
      isoDay(values.received_on),
      values.unsealed ?? [],
      adminOrderActor(ctx)
    )
    return this.answer(ctx, withdrawal, outcome, 'received')
  }

  /** The refund these choices give, broken down, with the buttons that make it. */
  async preview(ctx: HttpContext) {
    const withdrawal = await Withdrawal.query()
      .where('id', ctx.params.id)
      .preload('order')
      .firstOrFail()
    const values = await this.validate(ctx, withdrawalRefundValidator)
    if (!values) return this.backTo(ctx, withdrawal)
    const plan = await this.refunds.plan(withdrawal.id, choicesOf(values, withdrawal))
    if (plan.kind === 'refused') {
      ctx.session.flashExcept(['_csrf'])
      ctx.session.flash('error', withdrawalRefusal(ctx.i18n, plan.reason, withdrawal.order.number))
      return this.backTo(ctx, withdrawal)
    }
    return ctx.view.render('pages/admin/withdrawals/refund', {
      withdrawal,
      order: withdrawal.order,
      plan,
      choices: values,
    })
  }

  async refund(ctx: HttpContext) {
    const withdrawal = await Withdrawal.query()
      .where('id', ctx.params.id)
      .preload('order')
      .firstOrFail()
    const values = await this.validate(ctx, withdrawalRefundValidator)
    if (!values) return this.backTo(ctx, withdrawal)
    if (!values.mode || values.expected_total === undefined) return this.backTo(ctx, withdrawal)
    const outcome = await this.refunds.refund(
      withdrawal.id,
      choicesOf(values, withdrawal),
      values.mode,
      values.expected_total,
      adminOrderActor(ctx)
    )
    const number = withdrawal.order.number
    if (outcome.kind === 'refused') {
      ctx.session.flash(
        'error',
        withdrawalRefusal(ctx.i18n, outcome.reason, number, undefined, outcome.detail)
      )
    } else {
      ctx.session.flash(
        'success',
        ctx.i18n.t('withdrawals.admin.flash.refunded', {
          number,
          amount: Money.of(outcome.amount, withdrawal.order.currency).format(ctx.i18n.locale),
        })
      )
    }
    return this.backTo(ctx, withdrawal)
  }

  /** Validated fields, or null with the errors flashed for the form to show. */
  private async validate<Schema extends SchemaTypes>(
    { request, session, i18n }: HttpContext,
    validator: VineValidator<Schema, undefined>
  ): Promise<Infer<Schema> | null> {
    const [error, values] = await validator.tryValidate(request.all(), {
      messagesProvider: withdrawalFormMessages(i18n),
      meta: undefined,
    })
    if (error) {
      session.flashValidationErrors(error)
      session.flash('error', i18n.t('withdrawals.admin.flash.invalid'))
      return null
    }
    return values
  }

  private backTo({ response }: HttpContext, withdrawal: Withdrawal) {
    return response.redirect().toRoute('admin.withdrawals.show', { id: withdrawal.id })
  }

  private async answer(
    ctx: HttpContext,
    withdrawal: Withdrawal,
    outcome: WithdrawalStepOutcome,
    done: string
  ) {
    await withdrawal.load('order')
    const number = withdrawal.order.number
    ctx.session.flash(
      outcome.kind === 'done' ? 'success' : 'error',
      outcome.kind === 'done'
        ? ctx.i18n.t(`withdrawals.admin.flash.${done}`, { number })
        : withdrawalRefusal(ctx.i18n, outcome.reason, number)
    )
    return this.backTo(ctx, withdrawal)
  }
}

/** The form's return cost and deduction as the refund rules take them, in minor units. */
function choicesOf(values: RefundInput, withdrawal: Withdrawal): RefundChoices {
  const currency = withdrawal.order.currency
  const amount = (text?: string) => (text ? Money.parse(text, currency)!.amount : null)
  const returnCost = amount(values.return_cost)
  const deduction = amount(values.deduction)
  return {
    returnShipping:
      values.return_by && values.return_by !== 'none' && returnCost !== null
        ? { by: values.return_by, cost: returnCost }
        : null,
    deduction:
      deduction !== null ? { amount: deduction, reason: values.deduction_reason ?? '' } : null,
  }
}
