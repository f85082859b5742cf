/*
| Runs the shoppers: ramp-up, a journey after another in each slot until
| --duration, the journeys under way finishing within --graceful-stop, a
| progress line and an error-rate check every --interval.
*/

import { Recorder, earlyStopDecision, latencySummary } from './stats.js'
import { shopperJourney } from './shopper.js'

/** Stop signals the journeys read, and a sleep that a hard stop cuts short. */
export class Control {
  constructor() {
    this.draining = false
    this.hardStop = false
    this.stopReason = null
    this.wakers = new Set()
  }

  sleep(ms) {
    if (this.hardStop || ms <= 0) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.wakers.delete(done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.wakers.add(done)
    })
  }

  /** No new journey; with `hard`, journeys end after the request under way. */
  stop({ hard = false, reason = null } = {}) {
    this.draining = true
    if (reason && !this.stopReason) this.stopReason = reason
    if (hard) {
      this.hardStop = true
      for (const wake of [...this.wakers]) wake()
    }
  }
}

function progressLine(window, elapsedMs, intervalMs, totals) {
  const seconds = intervalMs / 1000
  const steps = [...window.steps]
    .map(([name, step]) => {
      const { p95 } = latencySummary(step.latencies)
      return `${name} ${Math.round((step.requests / seconds) * 10) / 10}/s p95 ${p95 ?? '-'}ms${step.errors ? ` err ${step.errors}` : ''}`
    })
    .join(' | ')
  return `[${Math.round(elapsedMs / 1000)}s] ${Math.round(window.requests / seconds)} req/s, ` +
    `${window.errors} errors (${totals.errors} total), ${totals.checkouts} checkouts, ${totals.active} shoppers | ${steps}`
}

/**
 * Runs the load and resolves with { recorder, checkouts, elapsedMs,
 * stopReason, journeys } once every shopper has stopped.
 */
export async function runLoad(options, { log = console.log, random = Math.random, extraShoppers = [] } = {}) {
  const recorder = new Recorder()
  const control = new Control()
  let emails = 0
  const run = {
    options,
    recorder,
    control,
    random,
    checkouts: [],
    nextCheckoutEmail: () => `loadtest+${options.runId}-${++emails}@example.test`,
  }
  const journeys = {}
  let active = 0
  const started = performance.now()

  const slot = async (index) => {
    await control.sleep((options.rampUpMs * index) / options.shoppers)
    while (!control.draining) {
      active++
      const result = await shopperJourney(run)
      active--
      journeys[result.status] = (journeys[result.status] ?? 0) + 1
    }
  }

  const ticker = setInterval(() => {
    const window = recorder.window()
    const elapsed = performance.now() - started
    log(progressLine(window, elapsed, options.intervalMs, { errors: recorder.totalErrors, checkouts: run.checkouts.length, active }))
    const decision = earlyStopDecision(window, options)
    if (decision.stop && !control.hardStop) {
      log(`Stopping early: ${decision.reason}`)
      control.stop({ hard: true, reason: decision.reason })
    }
  }, options.intervalMs)
  const durationTimer = setTimeout(() => {
    control.stop()
    log(`Duration reached: journeys under way get up to ${options.gracefulStopMs / 1000} s to finish`)
  }, options.durationMs)
  let graceTimer
  const graceful = new Promise((resolve) => {
    graceTimer = setTimeout(resolve, options.durationMs + options.gracefulStopMs)
  }).then(() => control.stop({ hard: true }))

  const slots = Array.from({ length: options.shoppers }, (_, index) => slot(index))
  const extras = extraShoppers.map((start) => start(control))
  await Promise.all([...slots, ...extras])
  clearInterval(ticker)
  clearTimeout(durationTimer)
  clearTimeout(graceTimer)
  void graceful
  return {
    recorder,
    checkouts: run.checkouts,
    elapsedMs: performance.now() - started,
    stopReason: control.stopReason,
    journeys,
  }
}
