/*
| What the load test counts: latencies per step, errors by kind, page-cache
| outcomes, and the sliding window the early stop reads.
*/

/** Nearest-rank percentile (p in 0..100) of numbers sorted ascending; null when empty. */
export function percentile(sorted, p) {
  if (!sorted.length) return null
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/** p50/p95/p99/max of unsorted numbers, rounded to 0.1. */
export function latencySummary(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const round = (value) => (value === null ? null : Math.round(value * 10) / 10)
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? null),
  }
}

export const ERROR_KINDS = ['5xx', '4xx', 'network', 'assertion']

function emptyWindow() {
  return { requests: 0, errors: 0, steps: new Map() }
}

/**
 * Collects every request's outcome. `window()` hands over what happened since
 * the previous call (progress lines and the early stop) and starts a new one.
 */
export class Recorder {
  constructor() {
    this.steps = new Map()
    this.errors = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, 0]))
    this.errorSamples = []
    this.outcomes = {}
    this.current = emptyWindow()
  }

  step(name) {
    let step = this.steps.get(name)
    if (!step) {
      step = { requests: 0, latencies: [], statuses: {}, cache: {}, bytes: 0 }
      this.steps.set(name, step)
    }
    return step
  }

  /** One request answered (any status): its latency, status, bytes and x-page-cache. */
  request(name, { ms, status, bytes = 0, cache = null }) {
    const step = this.step(name)
    step.requests++
    step.latencies.push(ms)
    step.statuses[status] = (step.statuses[status] ?? 0) + 1
    step.bytes += bytes
    if (cache) step.cache[cache] = (step.cache[cache] ?? 0) + 1
    this.current.requests++
    const windowStep = this.current.steps.get(name) ?? { requests: 0, latencies: [], errors: 0 }
    windowStep.requests++
    windowStep.latencies.push(ms)
    this.current.steps.set(name, windowStep)
  }

  /** A request that never got an answer (refused, reset, timed out): counted as a request too. */
  networkFailure(name, message) {
    this.step(name).requests++
    this.current.requests++
    this.error(name, 'network', message)
  }

  error(name, kind, message) {
    this.errors[kind]++
    this.current.errors++
    const step = this.step(name)
    step.errors = step.errors ?? {}
    step.errors[kind] = (step.errors[kind] ?? 0) + 1
    const windowStep = this.current.steps.get(name)
    if (windowStep) windowStep.errors++
    if (this.errorSamples.length < 20) this.errorSamples.push({ step: name, kind, message })
  }

  /** Something that happened to a journey and is not an error (an item sold out meanwhile). */
  outcome(name) {
    this.outcomes[name] = (this.outcomes[name] ?? 0) + 1
  }

  window() {
    const window = this.current
    this.current = emptyWindow()
    return window
  }

  get totalRequests() {
    let total = 0
    for (const step of this.steps.values()) total += step.requests
    return total
  }

  get totalErrors() {
    return ERROR_KINDS.reduce((sum, kind) => sum + this.errors[kind], 0)
  }

  /** Per-step figures for the report, steps in the order they were first seen. */
  summary(elapsedMs) {
    const seconds = elapsedMs / 1000
    return Object.fromEntries(
      [...this.steps].map(([name, step]) => [
        name,
        {
          requests: step.requests,
          throughput: Math.round((step.requests / seconds) * 10) / 10,
          latencyMs: latencySummary(step.latencies),
          statuses: step.statuses,
          errors: step.errors ?? {},
          pageCache: step.cache,
          bytesPerRequest: step.requests ? Math.round(step.bytes / step.requests) : 0,
        },
      ])
    )
  }
}

/**
 * Whether a window's error rate stops the run: only once the window holds
 * enough requests for the rate to mean something.
 */
export function earlyStopDecision(window, { maxErrorRate, minRequests }) {
  if (window.requests < minRequests) return { stop: false }
  const rate = window.errors / window.requests
  if (rate <= maxErrorRate) return { stop: false }
  const percent = (value) => `${Math.round(value * 1000) / 10} %`
  return {
    stop: true,
    reason: `error rate ${percent(rate)} (${window.errors}/${window.requests} requests) over the last window is above --max-error-rate ${percent(maxErrorRate)}`,
  }
}
