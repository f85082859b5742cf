import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import semver from 'semver'
import type { Labels } from '@comptoir/contracts/plugin_manifest'
import type { TrackerDeclaration } from '@comptoir/contracts/trackers'
import PluginException from '#exceptions/plugin_exception'
import { readTrackers } from '#plugin_kernel/plugin_trackers'

/**
 * A plugin's static metadata, read from its package.json without running any
 * of its code.
 */
export interface PluginPackage {
  name: string
  version: string
  label: Labels
  /** Semver range of core versions the plugin works with. */
  coreRange: string
  /** Other plugins it needs, by name and version range. */
  requires: Record<string, string>
  dependencies: Record<string, string>
  /** Trackers needing the shopper's consent, shown before any runs. */
  trackers: TrackerDeclaration[]
  folder: string
}

/** Lower-case letters, digits and dashes: it becomes a folder and a table prefix. */
const PLUGIN_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const NPM_SCOPE = /^@[a-z0-9][a-z0-9._-]*\//

export async function readPluginPackage(folder: string): Promise<PluginPackage> {
  const file = join(folder, 'package.json')
  let json: Record<string, any>
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw PluginException.invalidPackage(
      folder,
      `cannot read package.json (${(error as Error).message})`
    )
  }

  const problems: string[] = []
  // A package published under an npm scope (@acme/shipping-x) is the plugin "shipping-x".
  const pluginName = typeof json.name === 'string' ? json.name.replace(NPM_SCOPE, '') : json.name
  if (!isPluginName(pluginName)) {
    problems.push(
      '"name" must be lower-case letters, digits and dashes (under an npm scope or not)'
    )
  }
  if (typeof json.version !== 'string' || !semver.valid(json.version)) {
    problems.push('"version" must be a semver version')
  }
  const comptoir = json.comptoir ?? {}
  if (typeof comptoir.core !== 'string' || !semver.validRange(comptoir.core)) {
    problems.push('"comptoir.core" must be a semver range of compatible core versions')
  }
  if (typeof comptoir.label?.fr !== 'string' || typeof comptoir.label?.en !== 'string') {
    problems.push('"comptoir.label" must give "fr" and "en" labels')
  }
  const requires = comptoir.plugins ?? {}
  for (const [name, range] of Object.entries(requires)) {
    if (typeof range !== 'string' || !semver.validRange(range)) {
      problems.push(`"comptoir.plugins.${name}" must be a semver range`)
    }
  }
  const trackers = readTrackers(comptoir.trackers, problems)
  if (problems.length) throw PluginException.invalidPackage(folder, problems.join('; '))

  return {
    name: pluginName,
    version: json.version,
    label: { fr: comptoir.label.fr, en: comptoir.label.en },
    coreRange: comptoir.core,
    requires: requires as Record<string, string>,
    dependencies: json.dependencies ?? {},
    trackers,
    folder,
  }
}

/** "core" owns the core's patches in the journal. */
const RESERVED_NAMES = new Set(['core'])

export function isPluginName(name: unknown): name is string {
  return typeof name === 'string' && PLUGIN_NAME.test(name) && !RESERVED_NAMES.has(name)
}

/** Tables of a plugin start with its name, dashes turned into underscores. */
export function tablePrefix(pluginName: string) {
  return `${pluginName.replaceAll('-', '_')}_`
}
