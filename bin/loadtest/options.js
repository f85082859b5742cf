/*
| Command-line options of `npm run loadtest`: parsing and the checks that keep
| the load on the machine it was meant for.
*/

import { parseArgs } from 'node:util'

const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/**
 * A duration in milliseconds from `60s`, `2m`, `1m30s`, `500ms` or plain
 * seconds (`45`, `1.5`). Throws on anything else.
 */
export function parseDuration(text) {
  const value = String(text ?? '').trim()
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000)
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  if (!parts.length || parts.map((part) => part[0]).join('') !== value) {
    throw new Error(`Invalid duration "${text}" (use 60s, 2m, 500ms or seconds)`)
  }
  return Math.round(parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * DURATION_UNITS[unit], 0))
}

/**
 * A random-pause range in milliseconds: `1-3` (seconds), `500ms-2s`, or one
 * duration for a fixed pause (`0` for none).
 */
export function parseRange(text) {
  const [low, high = low] = String(text).split('-')
  const range = { min: parseDuration(low), max: parseDuration(high) }
  if (range.max < range.min) throw new Error(`Invalid range "${text}": the maximum is below the minimum`)
  return range
}

/** A share from `20`, `20%` or `0.2`. */
export function parseShare(text) {
  const value = String(text).trim()
  const number = Number(value.replace(/%$/, ''))
  const share = value.endsWith('%') || number > 1 ? number / 100 : number
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new Error(`Invalid share "${text}"`)
  return share
}

/** True for URLs whose host is this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackUrl(url) {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

const SPEC = {
  'url': { type: 'string', default: 'http://127.0.0.1:3333' },
  'shoppers': { type: 'string', default: '20' },
  'duration': { type: 'string', default: '60s' },
  'ramp-up': { type: 'string', default: '5s' },
  'think': { type: 'string', default: '1-3' },
  'checkout-share': { type: 'string', default: '20%' },
  'search': { type: 'string', default: 'sabot' },
  'shipping': { type: 'string', default: 'table-rates' },
  'payment': { type: 'string', default: 'bank-transfer' },
  'browsers': { type: 'string', default: '2' },
  'max-error-rate': { type: 'string', default: '5%' },
  'min-requests': { type: 'string', default: '50' },
  'interval': { type: 'string', default: '5s' },
  'timeout': { type: 'string', default: '30s' },
  'graceful-stop': { type: 'string', default: '30s' },
  'report': { type: 'string' },
  'run-id': { type: 'string' },
  'allow-remote': { type: 'boolean', default: false },
  'no-invariants': { type: 'boolean', default: false },
  'help': { type: 'boolean', default: false },
}

export const USAGE = `npm run loadtest -- [options]

  --url URL              shop to load (loopback only unless --allow-remote)   [http://127.0.0.1:3333]
  --shoppers N           concurrent simulated shoppers                        [20]
  --duration D           how long new journeys start (60s, 2m, seconds)       [60s]
  --ramp-up D            time over which shoppers arrive                      [5s]
  --think RANGE          pause between pages, e.g. 1-3 (s), 500ms-2s, 0       [1-3]
  --checkout-share P     share of journeys that check out (20%, 0.2)          [20%]
  --search TERM          search term typed in the header                      [sabot]
  --shipping CODE        delivery method chosen at checkout                   [table-rates]
  --payment CODE         payment method chosen at checkout                    [bank-transfer]
  --browsers N           real Chromium shoppers measuring Web Vitals, 0 = none [2]
  --max-error-rate P     stop early above this error rate over a window       [5%]
  --min-requests N       requests a window needs before it can stop the run   [50]
  --interval D           progress and error-rate window                       [5s]
  --timeout D            per-request timeout                                  [30s]
  --graceful-stop D      time journeys under way get to finish after --duration [30s]
  --report FILE          JSON report path            [tmp/loadtest/report-<timestamp>.json]
  --run-id ID            run id (lowercase letters and digits)                [random]
  --no-invariants        skip the database checks (loadtest:invariants)
  --allow-remote         allow a --url that is not this machine`

/**
 * The options from argv, validated. Throws an Error whose message is meant
 * for the user.
 */
export function parseOptions(argv) {
  const { values } = parseArgs({ args: argv, options: SPEC, strict: true, allowPositionals: false })
  const integer = (name, min) => {
    const value = Number(values[name])
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}`)
    return value
  }
  const runId = values['run-id'] ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  if (!/^[a-z0-9]{1,32}$/.test(runId)) throw new Error('--run-id must be 1 to 32 lowercase letters or digits')
  let url
  try {
    url = new URL(values.url)
  } catch {
    throw new Error(`--url "${values.url}" is not a URL`)
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new Error('--url must be http or https')
  if (!values['allow-remote'] && !isLoopbackUrl(url.href)) {
    throw new Error(`${url.host} is not this machine: pass --allow-remote to load a remote shop you are allowed to load`)
  }
  return {
    help: values.help,
    url: url.origin,
    shoppers: integer('shoppers', 1),
    durationMs: parseDuration(values.duration),
    rampUpMs: parseDuration(values['ramp-up']),
    think: parseRange(values.think),
    checkoutShare: parseShare(values['checkout-share']),
    search: values.search,
    shipping: values.shipping,
    payment: values.payment,
    browsers: integer('browsers', 0),
    maxErrorRate: parseShare(values['max-error-rate']),
    minRequests: integer('min-requests', 1),
    intervalMs: Math.max(1000, parseDuration(values.interval)),
    timeoutMs: parseDuration(values.timeout),
    gracefulStopMs: parseDuration(values['graceful-stop']),
    report: values.report ?? null,
    runId,
    invariants: !values['no-invariants'],
  }
}
