import { SettingSchema } from '#database/schema'

/**
 * A shop-wide setting, its value stored as JSON. Read and written only through
 * SettingsService, which knows each key's type and default.
 */
export default class Setting extends SettingSchema {
  static selfAssignPrimaryKey = true
}
