import vine from '@vinejs/vine'

/**
 * A gateway address: https, or http on this machine only (a local emulator
 * in tests). Reported under its translation key in
 * resources/lang/{fr,en}/payment-systempay.json, with an English fallback.
 */
export const gatewayUrl = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch {}
  const local = url?.hostname === '127.0.0.1' || url?.hostname === 'localhost'
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && local))) {
    field.report(
      'The {{ field }} field must be an https address.',
      'payment-systempay.errors.gateway_url',
      field
    )
  }
})
