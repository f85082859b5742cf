/** Where the shopper pays when the merchant has not set another gateway host. */
export const DEFAULT_PAYMENT_PAGE_URL = 'https://paiement.systempay.fr/vads-payment/'

/** Systempay's REST API; PayZen and other Lyra resellers use their own host. */
export const DEFAULT_REST_API_URL = 'https://api.systempay.fr'

/** Minutes an order may wait for its card payment when the merchant has not said. */
export const DEFAULT_PAYMENT_WINDOW_MINUTES = 60

export type SystempayMode = 'TEST' | 'PRODUCTION'

/** The plugin's settings as validated by plugin.ts, secrets decrypted by the core. */
export interface SystempaySettings {
  /** `vads_site_id`, the shop id of 8 digits. */
  siteId: string
  mode: SystempayMode
  testKey: string
  /** Required in PRODUCTION mode. */
  productionKey?: string
  paymentPageUrl?: string
  restApiUrl?: string
  restTestPassword?: string
  restProductionPassword?: string
  paymentWindowMinutes?: number
}

/** The signing key of a mode (`vads_ctx_mode`), if the merchant gave it. */
export function keyOf(settings: SystempaySettings, mode: string): string | null {
  if (mode === 'TEST') return settings.testKey || null
  if (mode === 'PRODUCTION') return settings.productionKey || null
  return null
}

/** The REST password of the shop's mode, if refunds through the API are set up. */
export function restPasswordOf(settings: SystempaySettings): string | null {
  const password =
    settings.mode === 'PRODUCTION' ? settings.restProductionPassword : settings.restTestPassword
  return password || null
}
