/**
 * The storefront speaks French at the root and English under /en.
 * These helpers map a URL to its locale and back; they know nothing of HTTP.
 */
export const LOCALES = ['fr', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'fr'

const ENGLISH_PREFIX = '/en'

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale)
}

function splitQuery(url: string): [path: string, query: string] {
  const index = url.search(/[?#]/)
  return index === -1 ? [url, ''] : [url.slice(0, index), url.slice(index)]
}

/**
 * A page's URL in every locale it is translated in, for pages whose path
 * differs per locale (a product or category slug).
 */
export function alternateUrls(
  translations: { locale: string; slug: string }[],
  pathFor: (slug: string) => string
): { locale: Locale; url: string }[] {
  return LOCALES.flatMap((locale) => {
    const translation = translations.find((candidate) => candidate.locale === locale)
    return translation ? [{ locale, url: localizedPath(pathFor(translation.slug), locale) }] : []
  })
}

export function localeFromPath(url: string): Locale {
  const [path] = splitQuery(url)
  return path === ENGLISH_PREFIX || path.startsWith(`${ENGLISH_PREFIX}/`) ? 'en' : DEFAULT_LOCALE
}

/**
 * The same page in another locale: "/en/search?q=x" → "/search?q=x" for French.
 */
export function localizedPath(url: string, locale: Locale): string {
  const [path, query] = splitQuery(url)
  const bare =
    localeFromPath(path) === 'en' ? path.slice(ENGLISH_PREFIX.length) || '/' : path || '/'
  const rooted = bare.startsWith('/') ? bare : `/${bare}`
  if (locale === DEFAULT_LOCALE) return `${rooted}${query}`
  return `${rooted === '/' ? ENGLISH_PREFIX : `${ENGLISH_PREFIX}${rooted}`}${query}`
}
