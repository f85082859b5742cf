/**
 * What the benchmark keeps of an autocannon run, and how it prints it.
 * Pure: autocannon's JSON result in, numbers and strings out.
 */
export interface RunSummary {
  rps: number
  p50: number
  p99: number
  errors: number
  bytesPerResponse: number
}

export interface AutocannonResult {
  requests: { average: number; total?: number }
  latency: { p50: number; p99: number }
  throughput?: { average: number }
  errors: number
  timeouts?: number
  non2xx: number
}

export function summarize(result: AutocannonResult): RunSummary {
  const rps = Math.round(result.requests.average)
  return {
    rps,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + (result.timeouts ?? 0) + result.non2xx,
    bytesPerResponse: rps > 0 ? Math.round((result.throughput?.average ?? 0) / rps) : 0,
  }
}

/**
 * `part` as a whole percentage of `whole` ("41 %"), or "n/a" when nothing was measured.
 */
export function percentOf(part: number, whole: number) {
  if (!(whole > 0) || !Number.isFinite(part)) return 'n/a'
  return `${Math.round((part / whole) * 100)} %`
}

/**
 * Latencies as autocannon reports them (whole milliseconds, or fractions below 1 ms).
 */
export function formatMs(value: number) {
  if (!Number.isFinite(value)) return 'n/a'
  return value < 10 && !Number.isInteger(value) ? value.toFixed(1) : String(Math.round(value))
}

/**
 * Thin-space grouped thousands, the way BENCHMARKS.md writes req/s ("12 400").
 */
export function formatCount(value: number) {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')
}

export function formatKb(bytes: number) {
  return bytes >= 10_240 ? `${Math.round(bytes / 1024)}` : (bytes / 1024).toFixed(1)
}

export interface Target {
  minRps?: number
  maxP99?: number
  minRatio?: number
}

/**
 * "met" / "missed (…)" for a run against the target; the ratio is only
 * checked when the bare server's rate is given.
 */
export function verdict(run: RunSummary, target: Target, bareRps?: number) {
  const misses: string[] = []
  if (target.minRps !== undefined && run.rps < target.minRps)
    misses.push(`< ${formatCount(target.minRps)} req/s`)
  if (target.maxP99 !== undefined && run.p99 >= target.maxP99)
    misses.push(`p99 ≥ ${target.maxP99} ms`)
  if (
    target.minRatio !== undefined &&
    bareRps !== undefined &&
    run.rps < bareRps * target.minRatio
  ) {
    misses.push(`< ${Math.round(target.minRatio * 100)} % of bare`)
  }
  if (run.errors > 0) misses.push(`${run.errors} errors`)
  return misses.length ? `missed (${misses.join(', ')})` : 'met'
}
