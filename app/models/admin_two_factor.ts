import { AdminTwoFactorSchema } from '#database/schema'

/**
 * A member of staff's second factor: the TOTP secret (encrypted), the one
 * being enrolled, and the last time step accepted. Read and written only
 * through AdminTwoFactorService.
 */
export default class AdminTwoFactor extends AdminTwoFactorSchema {
  static selfAssignPrimaryKey = true

  get isEnabled() {
    return Boolean(this.secret)
  }
}
