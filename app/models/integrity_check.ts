import { IntegrityCheckSchema } from '#database/schema'
import type { IntegrityStatus } from '#domain/file_integrity'

/** One run of security:verify: when, the verdict and what differed. */
export default class IntegrityCheck extends IntegrityCheckSchema {
  declare status: IntegrityStatus
}
