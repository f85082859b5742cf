import { inject } from '@adonisjs/core'
import type { Locale } from '@comptoir/contracts/commerce'
import type {
  PaymentAvailabilityContext,
  PaymentProvider,
} from '@comptoir/contracts/payment_provider'
import PluginKernel from '#plugin_kernel/plugin_kernel'

/** A provider's logo as pages show it. */
export interface PaymentLogoImage {
  /** Empty when the logo only repeats the method's name, written next to it. */
  readonly alt: string
  readonly url: string
  readonly width: number
  readonly height: number
}

/** An enabled payment method as the cart and the footer list it. */
export interface AcceptedPayment {
  readonly code: string
  readonly label: string
  readonly logos: readonly PaymentLogoImage[]
}

export interface PaymentOption extends AcceptedPayment {
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
    return Promise.all(
      answers
        .filter((answer) => answer.result)
        .map(({ plugin, provider }) => this.describe(plugin, provider, locale))
    )
  }

  /** Every enabled method with its logos, for the cart and the footer (LEGAL.md P-04). */
  async accepted(locale: Locale): Promise<AcceptedPayment[]> {
    const providers = await this.kernel.registry.providers('payment')
    return Promise.all(
      providers.map(async ({ plugin, provider }) => {
        const { code, label, logos } = await this.describe(plugin, provider, locale)
        return { code, label, logos }
      })
    )
  }

  /** The enabled provider with this code, whatever the order. */
  async provider(code: string): Promise<PaymentProvider | null> {
    const providers = await this.kernel.registry.providers('payment')
    return providers.find(({ provider }) => provider.code === code)?.provider ?? null
  }

  /** A method's name and logos; logos that fail only leave the method without them. */
  private async describe(
    plugin: string,
    provider: PaymentProvider,
    locale: Locale
  ): Promise<PaymentOption> {
    const label = provider.label(locale)
    const { registry, assets } = this.kernel
    const declared =
      (await registry.guard(plugin, `payment ${provider.code}: logos`, async () =>
        provider.logos(locale)
      )) ?? []
    const images = await Promise.all(declared.map((logo) => assets.logo(plugin, logo)))
    const logos = images
      .filter((image) => image !== null)
      .map(({ name, url, width, height }) => ({
        alt: sameText(name, label) ? '' : name,
        url,
        width,
        height,
      }))
    return { code: provider.code, label, logos, provider }
  }
}

function sameText(a: string, b: string) {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
}
