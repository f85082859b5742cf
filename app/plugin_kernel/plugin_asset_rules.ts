/**
 * Which files of a plugin the storefront serves, and at which address. A
 * whitelist, not a sanitiser: plain lower-case names of SVG files directly in
 * the plugin's `resources/logos/`, so no dot, slash, backslash or encoded
 * character can lead out of that folder, whatever the URL holds.
 */
const LOGO_FILE = /^resources\/logos\/[a-z0-9]+(?:[-_][a-z0-9]+)*\.svg$/

/** Every URL under this prefix belongs to the core's asset handler, not to plugin routes. */
const ASSET_URL = /^\/plugins\/([^/]+)\/assets\/(.*)$/

/** A logo is a small picture: pages show several on every page. */
export const MAX_LOGO_BYTES = 32 * 1024

/** Logos are shown this many CSS pixels high; their width follows their shape. */
export const LOGO_HEIGHT = 24

/** Served SVGs run nothing and load nothing, even when opened directly. */
export const SVG_HEADERS = {
  'content-type': 'image/svg+xml',
  'x-content-type-options': 'nosniff',
  'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; sandbox`,
} as const

/** Whether a plugin may declare this file as a logo (`resources/logos/visa.svg`). */
export function isLogoFile(file: string): boolean {
  return LOGO_FILE.test(file)
}

/**
 * What an asset URL asks for: null when the path is not an asset URL; a null
 * `file` when it is one that names no servable file (answered 404). The path
 * is matched undecoded, so `%2e%2e%2f` is just an unknown name.
 */
export function assetRequest(path: string): { plugin: string; file: string | null } | null {
  const match = ASSET_URL.exec(path)
  if (!match) return null
  const file = `resources/${match[2]}`
  return { plugin: match[1], file: isLogoFile(file) ? file : null }
}

/**
 * The address of a plugin file, versioned by its content so a browser or a
 * CDN may keep it for a year: a new logo gets a new address.
 */
export function assetUrl(plugin: string, file: string, version: string): string {
  return `/plugins/${plugin}/assets/${file.slice('resources/'.length)}?v=${version}`
}

/** Why a file of this many bytes cannot be a logo, or null; checked before reading it. */
export function logoSizeProblem(bytes: number): string | null {
  return bytes > MAX_LOGO_BYTES ? `is larger than ${MAX_LOGO_BYTES / 1024} KB` : null
}

export type SvgCheck = { ok: true; width: number; height: number } | { ok: false; reason: string }

/**
 * Checks a logo file and reads its shape from the root element's `viewBox`
 * (or `width` and `height`). Scripts and embedded HTML are refused though
 * `<img>` would not run them: a logo has no use for them.
 */
export function checkSvgLogo(source: string): SvgCheck {
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg\b([^>]*)>/i.exec(source)
  if (!root) return { ok: false, reason: 'is not an SVG document' }
  if (/<script\b|<foreignObject\b|\son\w+\s*=/i.test(source)) {
    return { ok: false, reason: 'holds a script or embedded HTML' }
  }
  const size = viewBoxSize(root[1]) ?? attributeSize(root[1])
  if (!size) return { ok: false, reason: 'has no viewBox to size it by' }
  const ratio = size.width / size.height
  if (ratio < 0.5 || ratio > 4) {
    return { ok: false, reason: 'is not between half and four times as wide as it is tall' }
  }
  return { ok: true, width: Math.round(LOGO_HEIGHT * ratio), height: LOGO_HEIGHT }
}

function viewBoxSize(attributes: string) {
  const viewBox = /(?:^|\s)viewBox\s*=\s*["']([^"']*)["']/i.exec(attributes)
  if (!viewBox) return null
  const numbers = viewBox[1]
    .trim()
    .split(/[\s,]+/)
    .map(Number)
  if (numbers.length !== 4) return null
  return positiveSize(numbers[2], numbers[3])
}

function attributeSize(attributes: string) {
  const width = /(?:^|\s)width\s*=\s*["']\s*([\d.]+)(?:px)?\s*["']/i.exec(attributes)
  const height = /(?:^|\s)height\s*=\s*["']\s*([\d.]+)(?:px)?\s*["']/i.exec(attributes)
  return width && height ? positiveSize(Number(width[1]), Number(height[1])) : null
}

function positiveSize(width: number, height: number) {
  return Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0
    ? { width, height }
    : null
}
