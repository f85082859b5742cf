import { AsyncLocalStorage } from 'node:async_hooks'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import PluginException from '#exceptions/plugin_exception'
import { sqlTimestamp } from '#support/sql_timestamp'

const LOCK = 'plugins'
/** A lock older than this was left by a process that died mid-operation. */
const STALE_AFTER_MINUTES = 30

/**
 * One plugin operation at a time across every process: a row in
 * `plugin_operation_locks` is the lock (its primary key refuses a second one).
 * Re-entrant within one operation, so an install may apply its patches.
 */
export default class OperationLock {
  #held = new AsyncLocalStorage<true>()

  async hold<T>(holder: string, work: () => Promise<T>): Promise<T> {
    if (this.#held.getStore()) return work()
    await this.acquire(holder)
    try {
      return await this.#held.run(true, work)
    } finally {
      await db.from('plugin_operation_locks').where('name', LOCK).delete()
    }
  }

  private async acquire(holder: string) {
    await db
      .from('plugin_operation_locks')
      .where('name', LOCK)
      .where(
        'acquired_at',
        '<',
        sqlTimestamp(DateTime.now().minus({ minutes: STALE_AFTER_MINUTES }))
      )
      .delete()
    try {
      await db
        .table('plugin_operation_locks')
        .insert({ name: LOCK, holder, acquired_at: sqlTimestamp() })
    } catch {
      const current = await db.from('plugin_operation_locks').where('name', LOCK).first()
      throw PluginException.busy(current?.holder ?? 'another process')
    }
  }
}
