import semver from 'semver'
import type { PluginPackage } from '#plugin_kernel/plugin_package'

/**
 * Why a plugin cannot run with this core and these installed plugins; empty
 * when it can. A pre-release core (0.2.0-beta.1) counts as its release, so
 * plugins can be tried against it before it ships.
 */
export function incompatibilities(
  plugin: Pick<PluginPackage, 'coreRange' | 'requires'>,
  coreVersion: string,
  installedPlugins: Map<string, string>
): string[] {
  const reasons: string[] = []
  const coreRelease = `${semver.major(coreVersion)}.${semver.minor(coreVersion)}.${semver.patch(coreVersion)}`
  if (!semver.satisfies(coreRelease, plugin.coreRange)) {
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
