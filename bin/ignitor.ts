/*
|--------------------------------------------------------------------------
| Shared Ignitor for the server, ace and test entrypoints
|--------------------------------------------------------------------------
|
| Each entrypoint boots the same application; only what it does once
| booted differs (serve HTTP, run a command, run the tests).
|
*/

import 'reflect-metadata'

/**
 * Lucid writes dates in the process time zone and MySQL reads them as UTC: the
 * process runs in UTC whatever the machine says. Shop-facing dates are shown in
 * the shop's time zone (config/app.ts).
 */
process.env.TZ = 'UTC'
import cluster from 'node:cluster'
import { Ignitor } from '@adonisjs/core'
import type { ApplicationService } from '@adonisjs/core/types'

const APP_ROOT = new URL('../', import.meta.url)

/**
 * Imports files in the context of the application root.
 */
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

export function createIgnitor() {
  return new Ignitor(APP_ROOT, { importer: IMPORTER }).tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => stop(app))
    app.listenIf(app.managedByPm2, 'SIGINT', () => stop(app))
  })
}

/**
 * A cluster worker (bin/cluster.ts) is kept alive by its channel to the
 * primary: it exits once its application has stopped.
 */
async function stop(app: ApplicationService) {
  await app.terminate()
  if (cluster.isWorker) process.exit()
}
