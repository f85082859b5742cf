import { Exception } from '@adonisjs/core/exceptions'

/**
 * Every refusal of the plugin kernel, with a stable code that scripts and
 * tests can rely on and a message an agency can act on.
 */
export default class PluginException extends Exception {
  static status = 422

  static notFound(name: string) {
    return new PluginException(`Plugin "${name}" was not found in the plugins folder`, {
      code: 'E_PLUGIN_NOT_FOUND',
      status: 404,
    })
  }

  static notInstalled(name: string) {
    return new PluginException(`Plugin "${name}" is not installed`, {
      code: 'E_PLUGIN_NOT_INSTALLED',
    })
  }

  static invalidPackage(where: string, reason: string) {
    return new PluginException(`Invalid plugin package at ${where}: ${reason}`, {
      code: 'E_PLUGIN_INVALID_PACKAGE',
    })
  }

  static incompatible(name: string, reasons: string[]) {
    return new PluginException(`Plugin "${name}" is not compatible: ${reasons.join('; ')}`, {
      code: 'E_PLUGIN_INCOMPATIBLE',
    })
  }

  static versionConflict(name: string, reason: string) {
    return new PluginException(`Plugin "${name}": ${reason}`, { code: 'E_PLUGIN_VERSION' })
  }

  static invalidSettings(name: string, fields: string[]) {
    return new PluginException(
      `Plugin "${name}" needs valid settings before it can be enabled: ${fields.join(', ')}`,
      { code: 'E_PLUGIN_SETTINGS' }
    )
  }

  static stepFailed(name: string, step: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    return new PluginException(
      `Plugin "${name}": ${step} failed, nothing was changed (${reason})`,
      {
        code: 'E_PLUGIN_STEP_FAILED',
        cause,
      }
    )
  }

  static busy(holder: string) {
    return new PluginException(
      `Another plugin operation is running (${holder}); try again when it has finished`,
      { code: 'E_PLUGIN_BUSY', status: 409 }
    )
  }

  static unknownSource(source: string) {
    return new PluginException(
      `Cannot install from "${source}": give a plugin folder, a .tgz file or an npm package (name, name@version or name@range)`,
      { code: 'E_PLUGIN_SOURCE' }
    )
  }

  static sourceNotFound(source: string) {
    return new PluginException(`Cannot install from "${source}": no such folder or file`, {
      code: 'E_PLUGIN_SOURCE',
    })
  }

  static downloadFailed(spec: string, reason: string) {
    return new PluginException(
      `Cannot download "${spec}" with npm, nothing was changed (${reason})`,
      { code: 'E_PLUGIN_DOWNLOAD' }
    )
  }
}
