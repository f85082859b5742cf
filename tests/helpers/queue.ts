import app from '@adonisjs/core/services/app'
import type { Worker } from '@adonisjs/queue'
import { createQueueWorker } from '#support/queue_worker'

/**
 * Drives a real worker, cycle by cycle, until the queue has nothing left to do
 * (delayed retries included), with a bound so a broken job cannot hang the suite.
 */
export async function runQueueUntilIdle(queues = ['default'], maxCycles = 50) {
  const worker: Worker = await createQueueWorker(app)
  let idleInARow = 0
  for (let cycle = 0; cycle < maxCycles && idleInARow < 3; cycle++) {
    const result = await worker.processCycle(queues)
    if (result?.type === 'idle') {
      idleInARow++
      await new Promise((resolve) => setTimeout(resolve, 20))
    } else {
      idleInARow = 0
    }
  }
  await worker.stop()
}
