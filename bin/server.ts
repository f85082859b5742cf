/*
|--------------------------------------------------------------------------
| HTTP server entrypoint
|--------------------------------------------------------------------------
|
| Runs alone (npm start) or as one worker of bin/cluster.ts (npm run
| start:cluster), which sets CLUSTER_WORKER to the worker's number.
|
*/

import cluster from 'node:cluster'
import { Server, type IncomingMessage, type ServerResponse } from 'node:http'
import { prettyPrintError } from '@adonisjs/core'
import { createIgnitor } from './ignitor.js'

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown

/**
 * AdonisJS closes the server on SIGTERM and waits for its connections to end:
 * requests in flight finish, but a keep-alive connection would then idle until
 * its timeout. Once closing, each connection is let go as soon as it is idle.
 */
class DrainingServer extends Server {
  close(callback?: (error?: Error) => void) {
    const sweep = setInterval(() => this.closeIdleConnections(), 100)
    return super.close((error) => {
      clearInterval(sweep)
      callback?.(error)
    })
  }
}

/**
 * A cluster worker tells which of them answered (its number, not its pid): it
 * shows how the primary spreads connections and which worker logged a request.
 */
function createServer(handler: Handler) {
  const worker = process.env.CLUSTER_WORKER
  if (!cluster.isWorker || !worker) return new DrainingServer(handler)
  return new DrainingServer((req, res) => {
    res.setHeader('x-cluster-worker', worker)
    return handler(req, res)
  })
}

if (cluster.isWorker) {
  // Ctrl-C signals the whole process group: the primary alone decides, and sends SIGTERM.
  process.on('SIGINT', () => {})
}

createIgnitor()
  .httpServer()
  .start(createServer)
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
    // The channel to the primary would keep a worker that failed to start alive.
    if (cluster.isWorker) process.exit()
  })
