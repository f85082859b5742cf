import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import PaymentOptions from '#services/checkout/payment_options'

const HEADER = 'Content-Security-Policy'

/**
 * Widens the storefront's `form-action` from 'self' to exactly the origins of
 * the enabled payment methods' hosted pages: the browser follows the place-
 * order form's redirect to Stripe, and posts the Systempay form, only there.
 * Shield wrote the policy before this runs; the rest of it is left as is.
 */
@inject()
export default class PaymentFormTargetsMiddleware {
  constructor(protected paymentOptions: PaymentOptions) {}

  async handle(ctx: HttpContext, next: NextFn) {
    const response = ctx.response.response
    const policy = response.getHeader(HEADER)
    const targets = await this.paymentOptions.formTargets()
    if (typeof policy === 'string' && targets.length) {
      response.setHeader(HEADER, withFormTargets(policy, targets))
    }
    return next()
  }
}

export function withFormTargets(policy: string, targets: readonly string[]): string {
  return policy
    .split(';')
    .map((directive) =>
      directive.trim().startsWith('form-action') ? `${directive} ${targets.join(' ')}` : directive
    )
    .join(';')
}
