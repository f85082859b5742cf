import db from '@adonisjs/lucid/services/db'
import { appUrl } from '#config/app'
import { LOCALES, localizedPath } from '#support/locale_paths'

interface SitemapEntry {
  /** The page's URL in each locale, keyed by locale. */
  alternates: Map<string, string>
}

function escapeXml(value: string) {
  return value.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`)
}

/**
 * sitemap.xml: the home page, every enabled category and every listed product,
 * each in every locale with its hreflang alternates.
 */
export default class SitemapService {
  async xml(): Promise<string> {
    const entries = [this.home(), ...(await this.categories()), ...(await this.products())]
    const urls = entries.flatMap((entry) =>
      [...entry.alternates.values()].map(
        (url) =>
          `<url><loc>${escapeXml(url)}</loc>${[...entry.alternates]
            .map(
              ([locale, alternate]) =>
                `<xhtml:link rel="alternate" hreflang="${locale}" href="${escapeXml(alternate)}"/>`
            )
            .join('')}</url>`
      )
    )
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
      urls.join('\n') +
      '\n</urlset>\n'
    )
  }

  private absolute(path: string) {
    return `${appUrl.replace(/\/$/, '')}${path}`
  }

  private home(): SitemapEntry {
    return {
      alternates: new Map(
        LOCALES.map((locale) => [locale, this.absolute(localizedPath('/', locale))])
      ),
    }
  }

  private async categories() {
    const rows = await db
      .from('category_translations')
      .join('categories', 'categories.id', 'category_translations.category_id')
      .where('categories.enabled', true)
      .orderBy('categories.id')
      .select('categories.id', 'category_translations.locale', 'category_translations.slug')
    return this.group(rows, '/c/')
  }

  private async products() {
    const rows = await db
      .from('product_translations')
      .join('products', 'products.id', 'product_translations.product_id')
      .where('products.enabled', true)
      .where('products.visible', true)
      .whereNotNull('products.price_min')
      .orderBy('products.id')
      .select('products.id', 'product_translations.locale', 'product_translations.slug')
    return this.group(rows, '/p/')
  }

  private group(rows: { id: number; locale: string; slug: string }[], prefix: string) {
    const entries = new Map<number, SitemapEntry>()
    for (const row of rows) {
      if (!LOCALES.includes(row.locale as never)) continue
      const entry = entries.get(row.id) ?? { alternates: new Map() }
      entry.alternates.set(
        row.locale,
        this.absolute(localizedPath(`${prefix}${row.slug}`, row.locale as (typeof LOCALES)[number]))
      )
      entries.set(row.id, entry)
    }
    return [...entries.values()]
  }
}
