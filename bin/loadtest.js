/*
|--------------------------------------------------------------------------
| npm run loadtest: simulated shoppers against a running shop
|--------------------------------------------------------------------------
|
| `npm run loadtest -- --url http://127.0.0.1:3333 --shoppers 200 --duration 60s`
| Shoppers browse, add to cart and some check out as guests (bin/loadtest/
| shopper.js), a few real Chromium sessions record Core Web Vitals, progress
| is printed every few seconds, the run stops early when the error rate
| passes --max-error-rate, then the database invariants are checked
| (node ace loadtest:invariants) and a JSON report is written. Exit code 1
| when an invariant fails or the run was stopped for errors.
|
*/

import { fileURLToPath } from 'node:url'
import { parseOptions, USAGE } from './loadtest/options.js'
import { runLoad } from './loadtest/runner.js'
import { summaryLines, writeReport } from './loadtest/report.js'
import { checkInvariants } from './loadtest/invariants.js'
import { browserShoppers } from './loadtest/browser.js'

const root = fileURLToPath(new URL('../', import.meta.url))

let options
try {
  options = parseOptions(process.argv.slice(2))
} catch (error) {
  console.error(`${error.message}\n\n${USAGE}`)
  process.exit(2)
}
if (options.help) {
  console.log(USAGE)
  process.exit(0)
}

const home = await fetch(options.url, { signal: AbortSignal.timeout(options.timeoutMs) }).catch((error) => error)
if (home instanceof Error || home.status >= 500) {
  console.error(`${options.url} does not answer (${home instanceof Error ? home.message : `HTTP ${home.status}`}): start the shop first (npm run demo)`)
  process.exit(2)
}

console.log(
  `Run ${options.runId}: ${options.shoppers} shoppers (+${options.browsers} Chromium) on ${options.url} for ${options.durationMs / 1000} s, ` +
    `ramp-up ${options.rampUpMs / 1000} s, think ${options.think.min}-${options.think.max} ms, ${Math.round(options.checkoutShare * 100)} % check out`
)
const browsers = options.browsers > 0 ? browserShoppers(options) : null
const result = await runLoad(options, { extraShoppers: browsers ? [browsers.start] : [] })

const totals = {
  requests: result.recorder.totalRequests,
  errors: result.recorder.totalErrors,
  throughput: Math.round((result.recorder.totalRequests / (result.elapsedMs / 1000)) * 10) / 10,
}
const report = {
  runId: options.runId,
  url: options.url,
  startedAt: new Date(Date.now() - result.elapsedMs).toISOString(),
  elapsedMs: Math.round(result.elapsedMs),
  shoppers: options.shoppers,
  options: { ...options, think: `${options.think.min}-${options.think.max}ms` },
  stopReason: result.stopReason,
  totals,
  steps: result.recorder.summary(result.elapsedMs),
  requestsPerStep: Object.fromEntries([...result.recorder.steps].map(([name, step]) => [name, step.requests])),
  errors: result.recorder.errors,
  errorSamples: result.recorder.errorSamples,
  outcomes: result.recorder.outcomes,
  journeys: result.journeys,
  checkouts: result.checkouts,
  webVitals: browsers ? browsers.results() : null,
  invariants: null,
}
const path = options.report ?? `tmp/loadtest/report-${report.startedAt.replace(/[:.]/g, '-')}.json`
await writeReport(root, report, path)

if (options.invariants) {
  report.invariants = await checkInvariants(root, options.runId, path)
  await writeReport(root, report, path)
}

console.log(`\n${summaryLines(report).join('\n')}`)
if (report.invariants) {
  console.log('\nInvariants:')
  for (const invariant of report.invariants.invariants) {
    console.log(`  ${invariant.passed ? 'PASS' : 'FAIL'} ${invariant.name}: ${invariant.detail}`)
  }
}
console.log(`\nReport: ${path}`)
const failed = (report.invariants && !report.invariants.passed) || report.stopReason
process.exit(failed ? 1 : 0)
