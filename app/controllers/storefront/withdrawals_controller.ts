import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { Infer } from '@vinejs/vine/types'
import { statementProblem } from '#domain/withdrawal_handling'
import Customer from '#models/customer'
import Order from '#models/order'
import OrderWithdrawals, { type WithdrawalState } from '#services/withdrawals/order_withdrawals'
import { formatStatementTime } from '#services/withdrawals/withdrawal_statement'
import { accessibleOrder } from '#support/order_access'
import { redirectToPage, shopperLocale, shopperOf } from '#support/shopper'
import { withdrawalRefusal } from '#support/withdrawal_texts'
import { withdrawalFormMessages, withdrawalStatementValidator } from '#validators/withdrawal'

type StatementInput = Infer<typeof withdrawalStatementValidator>

/**
 * The online withdrawal function of an order (LEGAL.md WF-01 to WF-06):
 * step 1 shows the statement prefilled, step 2 repeats it with the
 * « confirmer la rétractation » button, which records it. Open to whoever may
 * see the order: the session that placed it, its customer, a signed link.
 */
@inject()
export default class WithdrawalsController {
  constructor(protected withdrawals: OrderWithdrawals) {}

  /** Step 1: the statement, prefilled, or why the function is closed (a late attempt). */
  async create(ctx: HttpContext) {
    const order = await accessibleOrder(ctx)
    const state = await this.withdrawals.state(order)
    const customer = await this.customerOf(ctx, order)
    return ctx.view.render('pages/storefront/withdrawals/form', {
      ...this.pageData(state),
      prefill: {
        consumerName: customer
          ? `${customer.firstName} ${customer.lastName}`
          : `${order.billingAddress.firstName} ${order.billingAddress.lastName}`,
        email: customer?.email ?? order.email,
      },
    })
  }

  /** Step 2: the statement as it will be made, to confirm. */
  async review(ctx: HttpContext) {
    const order = await accessibleOrder(ctx)
    const values = await this.validate(ctx)
    if (!values) return this.backToForm(ctx, order)
    const state = await this.withdrawals.state(order)
    if (!state.offered || !state.open) return this.backToForm(ctx, order)
    const lines = statementLines(values, state)
    const problem = statementProblem(state.withdrawable, lines)
    if (problem) {
      ctx.session.flashExcept(['_csrf'])
      ctx.session.flash('error', withdrawalRefusal(ctx.i18n, problem, order.number))
      return this.backToForm(ctx, order)
    }
    return ctx.view.render('pages/storefront/withdrawals/review', {
      ...this.pageData(state),
      statement: { ...values, reason: values.reason ?? '' },
      chosen: lines.map((line) => ({
        ...line,
        line: state.lines.find((candidate) => candidate.id === line.orderLineId)!,
      })),
    })
  }

  /** Confirmed: the withdrawal is made now, and acknowledged by e-mail. */
  async store(ctx: HttpContext) {
    const order = await accessibleOrder(ctx)
    const values = await this.validate(ctx)
    if (!values) return this.backToForm(ctx, order)
    const state = await this.withdrawals.state(order)
    const outcome = await this.withdrawals.submit(
      order.id,
      {
        consumerName: values.consumer_name,
        email: values.email,
        reason: values.reason ?? null,
        lines: statementLines(values, state),
      },
      { channel: 'online' }
    )
    if (outcome.kind === 'refused') {
      ctx.session.flash(
        'error',
        withdrawalRefusal(ctx.i18n, outcome.reason, order.number, outcome.lastDay)
      )
      return this.backToForm(ctx, order)
    }
    ctx.session.flash(
      'notice',
      ctx.i18n.t('withdrawals.storefront.recorded', {
        date: formatStatementTime(outcome.withdrawal.sentAt, shopperLocale(ctx)),
        email: outcome.withdrawal.email,
      })
    )
    return redirectToPage(ctx, `/orders/${order.number}`)
  }

  /** The signed-in customer the order belongs to, whose details prefill the form (WF-04). */
  private async customerOf(ctx: HttpContext, order: Order) {
    const { customerId } = await shopperOf(ctx)
    return customerId !== null && customerId === order.customerId ? Customer.find(customerId) : null
  }

  private async validate(ctx: HttpContext): Promise<StatementInput | null> {
    const [error, values] = await withdrawalStatementValidator.tryValidate(ctx.request.all(), {
      messagesProvider: withdrawalFormMessages(ctx.i18n),
    })
    if (error) {
      ctx.session.flashValidationErrors(error)
      ctx.session.flash('error', ctx.i18n.t('withdrawals.storefront.invalid'))
      return null
    }
    return values
  }

  private backToForm(ctx: HttpContext, order: Order) {
    return redirectToPage(ctx, `/orders/${order.number}/withdrawal`)
  }

  private pageData(state: WithdrawalState) {
    return {
      order: state.order,
      // Not `state`: Edge compiles templates with a variable of that name.
      standing: state,
      offered: state.withdrawable
        .filter((entry) => entry.units > 0)
        .map((entry) => ({
          ...entry,
          quantities: Array.from({ length: entry.units }, (_, index) => index + 1),
        })),
      excluded: state.withdrawable.filter((entry) => entry.eligibility.verdict === 'excluded'),
    }
  }
}

/**
 * The units ticked: each ticked line, all its units left unless a number was
 * chosen (one for a line with none left, which the rules then refuse).
 */
function statementLines(values: StatementInput, state: WithdrawalState) {
  return values.lines
    .filter((line) => line.selected)
    .map((line) => ({
      orderLineId: line.order_line_id,
      quantity:
        line.quantity ??
        Math.max(
          1,
          state.withdrawable.find((entry) => entry.id === line.order_line_id)?.units ?? 0
        ),
    }))
}
