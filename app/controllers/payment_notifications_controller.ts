import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import PaymentOptions from '#services/checkout/payment_options'
import PaymentCompletion from '#services/payments/payment_completion'

/**
 * A payment provider's server-to-server notification (Stripe webhook, Lyra
 * IPN). The provider checks its signature on the body as received; one it
 * cannot trust gets 400 and changes nothing. Anything else is applied through
 * the one completion path and acknowledged; a provider fault answers 500, so
 * the provider delivers again later.
 */
@inject()
export default class PaymentNotificationsController {
  constructor(
    protected paymentOptions: PaymentOptions,
    protected completion: PaymentCompletion
  ) {}

  async store({ params, request, response }: HttpContext) {
    const provider = await this.paymentOptions.provider(String(params.code))
    if (!provider) return response.notFound('unknown payment method')
    const event = await provider.handleNotification({
      headers: request.headers(),
      rawBody: request.raw() ?? '',
    })
    if (event.kind === 'rejected') {
      logger.warn(
        { provider: provider.code, reason: event.reason },
        'payment notification rejected'
      )
      return response.badRequest('rejected')
    }
    await this.completion.apply(provider.code, event, { label: `provider:${provider.code}` })
    return response.ok('ok')
  }
}
