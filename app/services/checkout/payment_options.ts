import { inject } from '@adonisjs/core'
import type { Locale } from '@comptoir/contracts/commerce'
import type {
  PaymentAvailabilityContext,
  PaymentProvider,
} from '@comptoir/contracts/payment_provider'
import PluginKernel from '#plugin_kernel/plugin_kernel'

export interface PaymentOption {
  readonly code: string
  readonly label: string
  readonly provider: PaymentProvider
}

/**
 * The payment methods enabled plugins offer for an order, each asked whether
 * it applies (amount, currency, country, delivery method). A plugin that fails
 * to answer is left out.
 */
@inject()
export default class PaymentOptions {
  constructor(protected kernel: PluginKernel) {}

  async for(context: PaymentAvailabilityContext, locale: Locale): Promise<PaymentOption[]> {
    const answers = await this.kernel.registry.collect('payment', 'isAvailable', (provider) =>
      provider.isAvailable(context)
    )
    return answers
      .filter((answer) => answer.result)
      .map(({ provider }) => ({ code: provider.code, label: provider.label(locale), provider }))
  }

  /** Every enabled method's name, for the cart and the footer (LEGAL.md P-04). */
  async accepted(locale: Locale): Promise<string[]> {
    const providers = await this.kernel.registry.providers('payment')
    return providers.map(({ provider }) => provider.label(locale))
  }

  /** The enabled provider with this code, whatever the order. */
  async provider(code: string): Promise<PaymentProvider | null> {
    const providers = await this.kernel.registry.providers('payment')
    return providers.find(({ provider }) => provider.code === code)?.provider ?? null
  }
}
