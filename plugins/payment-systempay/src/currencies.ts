/**
 * ISO 4217 numeric codes of the currencies Lyra's gateways take for card
 * payments (`vads_currency`). Amounts stay in minor units both ways.
 */
const NUMERIC_CODES: Readonly<Record<string, string>> = {
  AUD: '036',
  CAD: '124',
  CHF: '756',
  CZK: '203',
  DKK: '208',
  EUR: '978',
  GBP: '826',
  HUF: '348',
  JPY: '392',
  NOK: '578',
  PLN: '985',
  SEK: '752',
  USD: '840',
  XPF: '953',
}

const ALPHA_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(NUMERIC_CODES).map(([alpha, numeric]) => [numeric, alpha])
)

/** "978" for "EUR"; null for a currency the gateway is not set up for here. */
export function numericCurrency(alpha: string): string | null {
  return NUMERIC_CODES[alpha.toUpperCase()] ?? null
}

/**
 * "EUR" for "978". An unknown code comes back as it is, so an amount in it
 * never equals an order total and the core holds the order for the merchant.
 */
export function alphaCurrency(numeric: string): string {
  return ALPHA_CODES[numeric] ?? numeric
}
