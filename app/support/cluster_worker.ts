/**
 * The worker number bin/cluster.ts gives each process it forks (1 to N), or
 * null when the process serves alone (npm start, npm run demo). Set by our own
 * primary with CLUSTER_WORKERS (N), never by the operator: read straight from
 * the environment.
 */
export function clusterWorker(): number | null {
  return positiveInteger(process.env.CLUSTER_WORKER)
}

/** How many workers serve the shop beside this one, itself included (1 alone). */
export function clusterSize(): number {
  return positiveInteger(process.env.CLUSTER_WORKERS) ?? 1
}

function positiveInteger(value: string | undefined) {
  const number = Number(value)
  return Number.isInteger(number) && number > 0 ? number : null
}

/**
 * Duties one process does for the whole shop (registering the recurring job
 * schedules, the inline queue worker) fall to worker 1 of a cluster: the
 * primary restarts it under the same number when it dies.
 */
export function runsSharedDuties() {
  return (clusterWorker() ?? 1) === 1
}

/**
 * The stores configured to live in this process's memory, which the other
 * workers of a cluster cannot see: sessions would be lost from one request to
 * the next, each worker would allow its own share of sign-in attempts, and a
 * page purged in one worker would still be served by the others.
 */
export function processLocalStores(stores: Record<string, string | undefined>): string[] {
  return Object.entries(stores)
    .filter(([, store]) => store === 'memory')
    .map(([name]) => `${name}=memory`)
}
