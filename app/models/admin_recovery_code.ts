import { AdminRecoveryCodeSchema } from '#database/schema'

/**
 * One of a member of staff's single-use recovery codes, kept hashed.
 */
export default class AdminRecoveryCode extends AdminRecoveryCodeSchema {}
