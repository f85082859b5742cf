import semver from 'semver'
import type { PluginPackage } from '#plugin_kernel/plugin_package'

/**
 * Why a plugin cannot run with this core and these installed plugins; empty
 * when it can. Pre-release cores count as their release.
 */
export function incompatibilities(
  plugin: Pick<PluginPackage, 'coreRange' | 'requires'>,
  coreVersion: string,
  installedPlugins: Map<string, string>
): string[] {
  const reasons: string[] = []
  if (!semver.satisfies(coreVersion, plugin.coreRange, { includePrerelease: true })) {
    reasons.push(`needs core ${plugin.coreRange}, this shop runs ${coreVersion}`)
  }
  for (const [name, range] of Object.entries(plugin.requires)) {
    const installed = installedPlugins.get(name)
    if (!installed) {
      reasons.push(`needs plugin ${name} ${range}, which is not installed`)
    } else if (!semver.satisfies(installed, range, { includePrerelease: true })) {
      reasons.push(`needs plugin ${name} ${range}, ${installed} is installed`)
    }
  }
  return reasons
}
