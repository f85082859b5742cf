import app from '@adonisjs/core/services/app'
import type { PaymentProvider } from '@comptoir/contracts/payment_provider'
import { StripeEmulator } from '#tests/helpers/stripe_emulator'

/**
 * This plugin's tests run in the shop's test runner; the core's test helpers
 * come from the container, as a plugin cannot import core files.
 */
export const kit = await app.container.make('comptoir.plugin_test_kit')

export const PLUGIN = 'payment-stripe'

type Cleanup = (handler: () => Promise<void>) => void
type Kernel = Awaited<ReturnType<typeof kit.usePluginSandbox>>['kernel']

/** The emulator running and the SDK pointed at it (`STRIPE_API_URL`, as with stripe-mock). */
async function runningEmulator(cleanup: Cleanup) {
  const emulator = new StripeEmulator()
  await emulator.start()
  const previous = process.env.STRIPE_API_URL
  process.env.STRIPE_API_URL = emulator.baseUrl
  cleanup(async () => {
    if (previous === undefined) delete process.env.STRIPE_API_URL
    else process.env.STRIPE_API_URL = previous
    await emulator.close()
  })
  return emulator
}

/** This plugin installed from its folder into a sandbox, set up with the emulator's keys, enabled. */
async function installStripe(
  kernel: Kernel,
  emulator: StripeEmulator,
  settings: Record<string, unknown>
) {
  const install = await kit.runAce('plugin:install', [app.makePath('plugins', PLUGIN)])
  if (install.exitCode) throw new Error(`plugin:install failed: ${install.output}`)
  const saved = await kernel.lifecycle.saveSettings(
    PLUGIN,
    {
      secretKey: emulator.secretKey,
      webhookSecret: emulator.webhookSecret,
      capture: 'automatic',
      paymentMethodTypes: '',
      savedCards: true,
      ...settings,
    },
    'fr',
    kit.cliActor()
  )
  if (!saved.valid) throw new Error(`settings refused: ${JSON.stringify(saved.errors)}`)
  const enable = await kit.runAce('plugin:enable', [PLUGIN])
  if (enable.exitCode) throw new Error(`plugin:enable failed: ${enable.output}`)
  const providers = await kernel.registry.providers('payment')
  return providers.find(({ plugin }) => plugin === PLUGIN)!.provider as PaymentProvider
}

/** The emulator and this plugin alone, for the provider's own tests. */
export async function stripeOnEmulator(cleanup: Cleanup, settings: Record<string, unknown> = {}) {
  const emulator = await runningEmulator(cleanup)
  const { kernel } = await kit.usePluginSandbox(cleanup)
  const provider = await installStripe(kernel, emulator, settings)
  return { emulator, kernel, provider }
}

/**
 * A shop that takes orders (catalog, CGV, table-rate delivery, bank
 * transfer) with Stripe enabled on the emulator, whose webhooks go to the
 * shop's notification endpoint.
 */
export async function stripeShop(cleanup: Cleanup, settings: Record<string, unknown> = {}) {
  const emulator = await runningEmulator(cleanup)
  const { catalog, kernel } = await kit.checkoutShop(cleanup)
  const provider = await installStripe(kernel, emulator, settings)
  emulator.webhookUrl = `http://${process.env.HOST}:${process.env.PORT}/payments/stripe/notifications`
  return { emulator, kernel, provider, catalog }
}
