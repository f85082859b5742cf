import semver from 'semver'

/** A package of the npm registry, and the version, range or dist-tag asked for. */
export interface NpmPackageSpec {
  name: string
  /** Null when none was given: npm takes the "latest" dist-tag. */
  wanted: string | null
}

/**
 * npm's rules for new names: lower-case, URL-safe, not starting with "." or
 * "_"; nor with "-" here, which `npm pack` would read as an option.
 */
const NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/
const DIST_TAG = /^[a-z][a-z0-9._-]*$/i
/** git+https:, file:, npm: and the like; one letter would be a Windows drive. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i

/**
 * Reads `name`, `@scope/name`, `name@1.2.0`, `name@^1.2.0` or `name@next`.
 * Anything else (git or http URLs, `npm:` aliases, paths) is null: npm would
 * fetch it from somewhere other than the configured registry.
 */
export function parseNpmPackageSpec(spec: string): NpmPackageSpec | null {
  const at = spec.indexOf('@', 1)
  const name = at === -1 ? spec : spec.slice(0, at)
  const wanted = at === -1 ? null : spec.slice(at + 1)
  if (name.length > 214 || !NAME.test(name)) return null
  if (wanted !== null && !isVersionOrTag(wanted)) return null
  return { name, wanted }
}

function isVersionOrTag(wanted: string) {
  return wanted.trim() !== '' && (semver.validRange(wanted) !== null || DIST_TAG.test(wanted))
}

/**
 * Whether a source names a file or folder (which then does not exist) rather
 * than a package: it starts like a path, holds a path separator outside a
 * scope, or ends like a tarball; URLs are neither.
 */
export function looksLikePath(source: string) {
  if (URL_SCHEME.test(source)) return false
  return (
    /^(\.{1,2}([\\/]|$)|[\\/~]|[a-z]:[\\/])/i.test(source) ||
    /\.(tgz|tar\.gz)$/.test(source) ||
    (/[\\/]/.test(source) && !source.startsWith('@'))
  )
}
