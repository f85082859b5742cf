import Stripe from 'stripe'

const CHECKOUT_ORIGIN = 'https://checkout.stripe.com'

/**
 * Where the Stripe API answers: Stripe itself, or the base URL in
 * `STRIPE_API_URL` (stripe-mock, the tests' emulator). Only the address
 * changes: every call goes through the same SDK code either way.
 */
export function stripeApiUrl(): URL | null {
  const value = process.env.STRIPE_API_URL
  return value ? new URL(value) : null
}

/** The official SDK, pointed at the API above. */
export function stripeClient(secretKey: string): Stripe {
  const config: Stripe.StripeConfig = {
    // The SDK retries network failures with the same idempotency key.
    maxNetworkRetries: 2,
    timeout: 15_000,
    appInfo: { name: 'Comptoir payment-stripe' },
  }
  const url = stripeApiUrl()
  if (url) {
    config.host = url.hostname
    config.protocol = url.protocol === 'http:' ? 'http' : 'https'
    config.port = url.port || (url.protocol === 'http:' ? 80 : 443)
  }
  return new Stripe(secretKey, config)
}

/** The origin of the hosted payment page (the emulator serves its own). */
export function checkoutOrigin(): string {
  return stripeApiUrl()?.origin ?? CHECKOUT_ORIGIN
}
