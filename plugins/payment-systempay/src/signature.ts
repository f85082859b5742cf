import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Lyra's form signature (Systempay, PayZen), the same for the payment form,
 * the IPN and the return URL: the values of the `vads_*` fields sorted by
 * field name, joined with "+", then "+" and the key; HMAC-SHA-256 of that
 * string keyed with the same key, in Base64. Values are used as they are
 * (UTF-8, no trimming): the gateway signs exactly what it sends.
 */
export function vadsSignature(fields: Record<string, string>, key: string): string {
  const values = Object.keys(fields)
    .filter((name) => name.startsWith('vads_'))
    .sort()
    .map((name) => fields[name])
  return createHmac('sha256', key)
    .update([...values, key].join('+'), 'utf8')
    .digest('base64')
}

/** Whether `signature` is the one of these fields, compared in constant time. */
export function hasValidSignature(fields: Record<string, string>, key: string): boolean {
  const received = Buffer.from(fields.signature ?? '', 'utf8')
  const expected = Buffer.from(vadsSignature(fields, key), 'utf8')
  return received.length === expected.length && timingSafeEqual(received, expected)
}

/** The fields plus their `signature`, ready to post. */
export function signed(fields: Record<string, string>, key: string): Record<string, string> {
  return { ...fields, signature: vadsSignature(fields, key) }
}
