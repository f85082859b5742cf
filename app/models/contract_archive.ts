import { beforeUpdate } from '@adonisjs/lucid/orm'
import { ContractArchiveSchema } from '#database/schema'

/**
 * An archived contract (LEGAL.md P-09). Its content never changes once
 * written; only how long it is kept may grow (a later delivery).
 */
export default class ContractArchive extends ContractArchiveSchema {
  @beforeUpdate()
  static keepContentFrozen(archive: ContractArchive) {
    const changed = Object.keys(archive.$dirty)
    if (changed.some((key) => key !== 'retainUntil' && key !== 'orderId')) {
      throw new Error(`contract archive ${archive.orderNumber} is frozen`)
    }
  }
}
