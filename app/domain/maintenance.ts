import { randomBytes } from 'node:crypto'
import { BlockList, isIP } from 'node:net'

/**
 * Seconds a closed shop asks clients and crawlers to wait (the Retry-After header).
 * Past a day, search engines start dropping pages anyway.
 */
export const RETRY_AFTER = { default: 600, min: 1, max: 86_400 } as const

/**
 * A bypass secret travels in a URL path: URL-safe characters only, and long
 * enough not to be guessed.
 */
export const SECRET_PATTERN = /^[\w-]{16,128}$/

/**
 * A fresh bypass secret: 192 random bits, URL-safe.
 */
export function generateSecret() {
  return randomBytes(24).toString('base64url')
}

/**
 * "::ffff:192.0.2.1" is how an IPv4 client looks on a dual-stack socket.
 */
function unmapped(address: string) {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
}

/**
 * One entry of an allow list: an IP address ("192.0.2.10", "2001:db8::1") or a
 * CIDR range ("192.0.2.0/24"), for an agency's office network.
 */
export function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (!family || rest.length) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

/**
 * Reads an allow list typed one entry per line, or separated by spaces or commas,
 * without duplicates.
 */
export function parseAddressList(text: string): { addresses: string[]; invalid: string[] } {
  const entries = [
    ...new Set(
      text
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(unmapped)
    ),
  ]
  return {
    addresses: entries.filter(isAddressOrRange),
    invalid: entries.filter((entry) => !isAddressOrRange(entry)),
  }
}

/**
 * Whether a client address is on the allow list (exact addresses and ranges).
 */
export function addressMatcher(allowed: readonly string[]): (ip: string) => boolean {
  const list = new BlockList()
  for (const entry of allowed.filter(isAddressOrRange)) {
    const [address, prefix] = entry.split('/')
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(prefix), type)
  }
  return (ip) => {
    const address = unmapped(ip)
    const family = isIP(address)
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6')
  }
}
