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

  /**
   * The origins enabled methods send the shopper's browser to (a hosted page
   * a form posts to or a redirect leads to), for the `form-action` policy. A
   * value that is not an https origin (or http on loopback, for local test
   * gateways) is left out: the policy never widens beyond an exact origin.
   */
  async formTargets(): Promise<string[]> {
    const answers = await this.kernel.registry.collect('payment', 'formTargets', async (provider) =>
      provider.formTargets()
    )
    const origins = answers
      .flatMap(({ result }) => result)
      .flatMap((target) => {
        const origin = formOrigin(target)
        return origin ? [origin] : []
      })
    return [...new Set(origins)]
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

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])
/**
 * A host name or IP as the URL parser leaves it. The parser accepts `*`, `;`
 * or `'` in a host, which in a policy are a wildcard or a new directive.
 */
const EXACT_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/

function formOrigin(target: string): string | null {
  if (!URL.canParse(target)) return null
  const url = new URL(target)
  if (!EXACT_HOST.test(url.hostname)) return null
  const secure = url.protocol === 'https:'
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
  return secure || loopback ? url.origin : null
}

function sameText(a: string, b: string) {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
}
