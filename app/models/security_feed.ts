import { SecurityFeedSchema } from '#database/schema'

/**
 * The last verified copy of a signed advisory feed and how its last refresh
 * went (see AdvisoryFeed).
 */
export default class SecurityFeed extends SecurityFeedSchema {
  static selfAssignPrimaryKey = true
}
