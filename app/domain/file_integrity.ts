/**
 * File integrity rules: which files of the shop are tracked, and how the
 * files on disk compare with the recorded baseline. No framework import: the
 * service hashes and stores, these rules decide.
 */

/** A component's files: path relative to its folder, with "/", to its SHA-256 (hex). */
export type FileManifest = Record<string, string>

export type FileChangeKind = 'changed' | 'added' | 'removed'

export interface FileChange {
  /** "comptoir" for the core, else the plugin's name. */
  component: string
  path: string
  change: FileChangeKind
}

/** ok: every file as recorded; changed: a difference or an installed component without baseline. */
export type IntegrityStatus = 'ok' | 'changed' | 'no_baseline'

/**
 * What the core runs, relative to the app folder. In production the app
 * folder is the build output (`build/`, compiled .js); in a source checkout,
 * the sources (.ts). database/ holds the generated schema the models import,
 * the migrations and the core patches; .adonisjs/ the generated route and
 * controller barrels; package.json the `#` import map.
 */
export const CORE_TRACKED = [
  '.adonisjs',
  'app',
  'bin',
  'commands',
  'config',
  'database',
  'providers',
  'start',
  'resources/views',
  'resources/public/js',
  'ace.js',
  'adonisrc.ts',
  'adonisrc.js',
  'package.json',
]

/**
 * Folders never tracked, wherever they are: dependencies, test code, and
 * what the shop writes at run time.
 */
const SKIPPED_FOLDERS = new Set(['node_modules', 'tests', 'tmp', 'storage', '.git'])

export function isSkippedFolder(name: string) {
  return SKIPPED_FOLDERS.has(name)
}

/**
 * The differences between the baseline and the files on disk, by path:
 * a file whose checksum differs, a file not in the baseline (a dropped-in
 * script), a file gone.
 */
export function compareManifests(
  component: string,
  baseline: FileManifest,
  current: FileManifest
): FileChange[] {
  const changes: FileChange[] = []
  for (const [path, checksum] of Object.entries(current)) {
    if (!(path in baseline)) changes.push({ component, path, change: 'added' })
    else if (baseline[path] !== checksum) changes.push({ component, path, change: 'changed' })
  }
  for (const path of Object.keys(baseline)) {
    if (!(path in current)) changes.push({ component, path, change: 'removed' })
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * The verdict of a verification: without any baseline nothing can be
 * vouched for; an installed component without one is a finding too.
 */
export function integrityStatus(
  hasBaseline: boolean,
  changes: FileChange[],
  unbaselined: string[]
): IntegrityStatus {
  if (!hasBaseline) return 'no_baseline'
  return changes.length || unbaselined.length ? 'changed' : 'ok'
}
