import { IntegrityBaselineSchema } from '#database/schema'

/**
 * The checksums of one component's files as recorded by security:baseline,
 * plugin:install or plugin:upgrade (see FileIntegrity).
 */
export default class IntegrityBaseline extends IntegrityBaselineSchema {
  static selfAssignPrimaryKey = true
}
