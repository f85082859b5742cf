/*
| The end of a run: the summary table on the terminal and the JSON report.
*/

import { mkdir, writeFile, copyFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

function cell(value, width) {
  return String(value ?? '-').padStart(width)
}

/** The per-step table, errors, journeys and Web Vitals as text lines. */
export function summaryLines(report) {
  const lines = [
    `Run ${report.runId} against ${report.url}: ${report.shoppers} shoppers, ${Math.round(report.elapsedMs / 1000)} s` +
      (report.stopReason ? ` (stopped early: ${report.stopReason})` : ''),
    `${report.totals.requests} requests, ${report.totals.throughput} req/s, ${report.totals.errors} errors, ` +
      `${report.checkouts.filter((checkout) => checkout.confirmed).length} successful checkouts`,
    '',
    `${'step'.padEnd(22)}${cell('requests', 9)}${cell('req/s', 8)}${cell('p50', 8)}${cell('p95', 8)}${cell('p99', 8)}${cell('max', 8)}${cell('errors', 7)}  page cache`,
  ]
  for (const [name, step] of Object.entries(report.steps)) {
    const errors = Object.values(step.errors).reduce((sum, count) => sum + count, 0)
    const cache = Object.entries(step.pageCache).map(([state, count]) => `${state} ${count}`).join(', ')
    const { p50, p95, p99, max } = step.latencyMs
    lines.push(`${name.padEnd(22)}${cell(step.requests, 9)}${cell(step.throughput, 8)}${cell(p50, 8)}${cell(p95, 8)}${cell(p99, 8)}${cell(max, 8)}${cell(errors, 7)}  ${cache}`)
  }
  lines.push('', `Errors: ${Object.entries(report.errors).map(([kind, count]) => `${kind} ${count}`).join(', ')}`)
  for (const sample of report.errorSamples.slice(0, 5)) lines.push(`  ${sample.kind} at ${sample.step}: ${sample.message}`)
  lines.push(`Journeys: ${Object.entries(report.journeys).map(([status, count]) => `${status} ${count}`).join(', ') || 'none'}`)
  if (Object.keys(report.outcomes).length) {
    lines.push(`Not errors: ${Object.entries(report.outcomes).map(([name, count]) => `${name} ${count}`).join(', ')}`)
  }
  if (report.webVitals) {
    lines.push('', 'Core Web Vitals (p75 per page type, real Chromium):')
    for (const [type, vitals] of Object.entries(report.webVitals.p75)) {
      lines.push(`  ${type.padEnd(10)} LCP ${vitals.lcpMs ?? '-'} ms, CLS ${vitals.cls ?? '-'}, INP ${vitals.inpMs ?? '-'} ms (${vitals.samples} views)`)
    }
    for (const error of report.webVitals.errors.slice(0, 3)) lines.push(`  browser error: ${error}`)
  }
  return lines
}

/** Writes the report to its path and to latest.json beside the default reports. */
export async function writeReport(root, report, path) {
  const file = resolve(root, path)
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
  const latest = resolve(root, 'tmp/loadtest/latest.json')
  if (latest !== file) {
    await mkdir(dirname(latest), { recursive: true })
    await copyFile(file, latest)
  }
  return file
}
