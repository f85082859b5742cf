import { test } from '@japa/runner'
import {
  clusterSize,
  clusterWorker,
  processLocalStores,
  runsSharedDuties,
} from '#support/cluster_worker'

test.group('Cluster worker (bin/cluster.ts)', (group) => {
  const saved = { ...process.env }
  group.each.teardown(() => {
    process.env.CLUSTER_WORKER = saved.CLUSTER_WORKER
    process.env.CLUSTER_WORKERS = saved.CLUSTER_WORKERS
    if (saved.CLUSTER_WORKER === undefined) delete process.env.CLUSTER_WORKER
    if (saved.CLUSTER_WORKERS === undefined) delete process.env.CLUSTER_WORKERS
  })

  test('a process serving alone does the shared duties', ({ assert }) => {
    delete process.env.CLUSTER_WORKER
    delete process.env.CLUSTER_WORKERS
    assert.isNull(clusterWorker())
    assert.equal(clusterSize(), 1)
    assert.isTrue(runsSharedDuties())
  })

  test('worker 1 of a cluster does them, the others do not', ({ assert }) => {
    process.env.CLUSTER_WORKERS = '3'
    process.env.CLUSTER_WORKER = '1'
    assert.isTrue(runsSharedDuties())
    process.env.CLUSTER_WORKER = '2'
    assert.equal(clusterWorker(), 2)
    assert.equal(clusterSize(), 3)
    assert.isFalse(runsSharedDuties())
  })

  test('names the stores other workers cannot see', ({ assert }) => {
    const stores = { SESSION_DRIVER: 'memory', LIMITER_STORE: 'database', CACHE_STORE: 'memory' }
    assert.deepEqual(processLocalStores(stores), ['SESSION_DRIVER=memory', 'CACHE_STORE=memory'])
    assert.deepEqual(
      processLocalStores({ SESSION_DRIVER: 'redis', LIMITER_STORE: 'redis', CACHE_STORE: 'redis' }),
      []
    )
  })
})
