import { PluginSchema } from '#database/schema'

/**
 * An installed plugin's state. Its code and static metadata live in
 * `plugins/<name>/`; this row says which version was installed, whether it is
 * enabled, its settings (secrets sealed with the app key) and its last fault.
 */
export default class Plugin extends PluginSchema {
  static selfAssignPrimaryKey = true
}
