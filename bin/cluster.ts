/*
|--------------------------------------------------------------------------
| Multi-process HTTP server entrypoint (npm run start:cluster)
|--------------------------------------------------------------------------
|
| The primary process boots no application: it forks one bin/server worker
| per core (WEB_CONCURRENCY to choose), which share the port, restarts a
| worker that dies (waiting longer each time it dies young, so a crash loop
| does not spin), and on SIGTERM/SIGINT asks every worker to finish its
| requests and stop, killing those still running after SHUTDOWN_TIMEOUT
| seconds. Worker 1 alone runs the background duties (schedules, the inline
| queue worker): see app/support/cluster_worker.ts.
|
| WEB_CONCURRENCY and SHUTDOWN_TIMEOUT are read from the environment, not
| .env: the workers read .env themselves.
|
*/

import cluster, { type Worker } from 'node:cluster'
import { availableParallelism } from 'node:os'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'

const workers = positiveInteger('WEB_CONCURRENCY') ?? availableParallelism()
const shutdownTimeoutMs = (positiveInteger('SHUTDOWN_TIMEOUT') ?? 30) * 1000

/** A worker that lived this long was healthy: its next death starts the back-off over. */
const HEALTHY_AFTER_MS = 30_000
const MAX_RESTART_DELAY_MS = 30_000

const slots = new Map<Worker, { slot: number; startedAt: number; ready: boolean }>()
const youngDeaths = new Map<number, number>()
let stopping = false
let failed = false

function positiveInteger(name: string) {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : undefined
}

/** One JSON line per event, like the workers' pino logs. */
function log(level: 'info' | 'warn' | 'error', msg: string) {
  const levels = { info: 30, warn: 40, error: 50 }
  const line = JSON.stringify({ level: levels[level], time: Date.now(), pid: process.pid, msg })
  process.stdout.write(`${line}\n`)
}

function fork(slot: number) {
  const worker = cluster.fork({ CLUSTER_WORKER: String(slot), CLUSTER_WORKERS: String(workers) })
  slots.set(worker, { slot, startedAt: Date.now(), ready: false })
}

/**
 * AdonisJS says `ready` once its providers are (after the server listens). A
 * worker is only asked to stop from then on: an application stopped half-way
 * through its start would close the database under its own start-up work.
 */
function onMessage(worker: Worker, message: unknown) {
  const state = slots.get(worker)
  if (message !== 'ready' || !state) return
  state.ready = true
  log('info', `worker ${state.slot} ready`)
  if (stopping) worker.process.kill('SIGTERM')
}

function onExit(worker: Worker, code: number | null, signal: string | null) {
  const { slot, startedAt } = slots.get(worker)!
  slots.delete(worker)

  if (stopping) {
    if (code !== 0) {
      failed = true
      log('error', `worker ${slot} stopped badly (${signal ?? `exit code ${code}`})`)
    }
    if (slots.size === 0) {
      log('info', 'every worker has stopped')
      process.exit(failed ? 1 : 0)
    }
    return
  }

  const deaths = Date.now() - startedAt < HEALTHY_AFTER_MS ? (youngDeaths.get(slot) ?? 0) + 1 : 0
  youngDeaths.set(slot, deaths)
  const delay = deaths === 0 ? 0 : Math.min(500 * 2 ** (deaths - 1), MAX_RESTART_DELAY_MS)
  log('warn', `worker ${slot} died (${signal ?? `exit code ${code}`}): restarting in ${delay} ms`)
  setTimeout(() => stopping || fork(slot), delay)
}

/**
 * Each worker stops taking connections, finishes its requests and exits
 * (bin/server.ts). A second signal, or the deadline, kills what is left.
 */
function stop(signal: NodeJS.Signals) {
  if (stopping) {
    log('warn', `${signal} again: killing the workers`)
    for (const worker of slots.keys()) worker.process.kill('SIGKILL')
    return
  }
  stopping = true
  log('info', `${signal} received: stopping ${slots.size} workers`)
  if (slots.size === 0) process.exit(0)
  for (const [worker, { ready }] of slots) if (ready) worker.process.kill('SIGTERM')
  setTimeout(() => {
    log('error', `workers still running after ${shutdownTimeoutMs / 1000} s: killing them`)
    failed = true
    for (const worker of slots.keys()) worker.process.kill('SIGKILL')
  }, shutdownTimeoutMs).unref()
}

// Workers run this file's neighbour with the same loader (server.ts from source, server.js once built).
cluster.setupPrimary({
  exec: fileURLToPath(new URL(`server${extname(import.meta.url)}`, import.meta.url)),
})
cluster.on('exit', onExit)
cluster.on('message', onMessage)
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

log('info', `starting ${workers} workers`)
for (let slot = 1; slot <= workers; slot++) fork(slot)
