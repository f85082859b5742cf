/**
 * The storefront speaks French at the root and English under /en.
 * These helpers map a path to its locale and back; they know nothing of HTTP.
 */
export const LOCALES = ['fr', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'fr'

const ENGLISH_PREFIX = '/en'

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale)
}

export function localeFromPath(path: string): Locale {
  return path === ENGLISH_PREFIX || path.startsWith(`${ENGLISH_PREFIX}/`) ? 'en' : DEFAULT_LOCALE
}

/**
 * The same page in another locale: "/en/search?q=x" → "/search?q=x" for French.
 */
export function localizedPath(path: string, locale: Locale): string {
  const bare =
    localeFromPath(path) === 'en' ? path.slice(ENGLISH_PREFIX.length) || '/' : path || '/'
  if (locale === DEFAULT_LOCALE) return bare.startsWith('/') ? bare : `/${bare}`
  return bare === '/'
    ? ENGLISH_PREFIX
    : `${ENGLISH_PREFIX}${bare.startsWith('/') ? '' : '/'}${bare}`
}
