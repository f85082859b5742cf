import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { Locator } from '@adonisjs/queue'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#models/audit_log'
import AnonymizeAuditLogIps from '#jobs/anonymize_audit_log_ips'
import FlakyJob from '#tests/fixtures/jobs/flaky_job'
import { runQueueUntilIdle } from '#tests/helpers/queue'
import { countRows } from '#tests/helpers/database'
import { registerSchedules } from '#start/schedule'
import { createQueueWorker } from '#support/queue_worker'

/**
 * The worker reads jobs through its own connection, outside any test
 * transaction, so these tests truncate the database instead.
 */
test.group('Background jobs', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.setup(() => Locator.register('FlakyJob', FlakyJob))

  test('a job enqueued on the database queue runs in the worker', async ({ assert }) => {
    const old = await AuditLog.create({
      action: 'settings.update',
      entityType: 'settings',
      ip: '203.0.113.7',
      createdAt: DateTime.now().minus({ days: 400 }),
    })
    const recent = await AuditLog.create({
      action: 'settings.update',
      entityType: 'settings',
      ip: '203.0.113.8',
    })

    await AnonymizeAuditLogIps.dispatch({ retentionDays: 365 })
    assert.equal(await countRows('queue_jobs'), 1)

    await runQueueUntilIdle()

    await old.refresh()
    await recent.refresh()
    assert.isNull(old.ip)
    assert.equal(recent.ip, '203.0.113.8')
  })

  test('a failing job is retried and then succeeds', async ({ assert }) => {
    await FlakyJob.dispatch({ key: 'retry-then-succeed', failures: 1 })
    await runQueueUntilIdle()

    assert.equal(FlakyJob.attempts.get('retry-then-succeed'), 2)
    assert.isFalse(FlakyJob.failedWith.has('retry-then-succeed'))
  })

  test('a job that keeps failing is marked failed once its retries are spent', async ({
    assert,
  }) => {
    await FlakyJob.dispatch({ key: 'always-fails', failures: 99 })
    await runQueueUntilIdle()

    assert.equal(FlakyJob.attempts.get('always-fails'), 3)
    assert.match(FlakyJob.failedWith.get('always-fails')!, /maximum number of retry attempts/)
    assert.equal(await countRows('queue_jobs', { status: 'failed' }), 1)
  })

  test('a due schedule runs once even when two workers poll at the same time', async ({
    assert,
  }) => {
    await registerSchedules()
    await db
      .from('queue_schedules')
      .where('id', 'anonymize-audit-log-ips')
      .update({ next_run_at: DateTime.now().minus({ minutes: 1 }).toJSDate() })
    // The other schedules (one runs every five minutes) are not due during the test.
    await db
      .from('queue_schedules')
      .whereNot('id', 'anonymize-audit-log-ips')
      .update({ next_run_at: DateTime.now().plus({ days: 1 }).toJSDate() })

    const workers = [await createQueueWorker(app), await createQueueWorker(app)]
    await Promise.all(workers.map((worker) => worker.processCycle(['default'])))
    await Promise.all(workers.map((worker) => worker.stop()))

    const schedule = await db.from('queue_schedules').where('id', 'anonymize-audit-log-ips').first()
    assert.equal(Number(schedule.run_count), 1)
    assert.equal(await countRows('queue_jobs'), 1)
  })
})
