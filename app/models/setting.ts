import { SettingSchema } from '#database/schema'

/**
 * A shop-wide setting, its value stored as JSON. Read and written only through
 * SettingsService, which knows each key's type and default, except the
 * "maintenance" row, which belongs to MaintenanceService.
 */
export default class Setting extends SettingSchema {
  static selfAssignPrimaryKey = true
}
