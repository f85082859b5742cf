import { appUrl } from '#config/app'
import { Money } from '#domain/money'
import { localizedPath, type Locale } from '#support/locale_paths'
import type StorefrontCatalog from '#services/catalog/storefront_catalog'

type ProductPage = NonNullable<Awaited<ReturnType<StorefrontCatalog['productPage']>>>

const AVAILABILITY = {
  in_stock: 'https://schema.org/InStock',
  low_stock: 'https://schema.org/LimitedAvailability',
  out_of_stock: 'https://schema.org/OutOfStock',
} as const

/**
 * schema.org Product data for search engines, as a string safe to place in a
 * <script type="application/ld+json"> element ("<" is escaped so the data can
 * never close the element).
 */
export function productJsonLd(page: ProductPage, locale: Locale): string {
  const url = `${appUrl.replace(/\/$/, '')}${localizedPath(`/p/${page.translation.slug}`, locale)}`
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    'name': page.translation.name,
    'description': page.translation.shortDescription ?? undefined,
    'sku': page.variant.sku,
    'brand': page.product.brand ? { '@type': 'Brand', 'name': page.product.brand.name } : undefined,
    'url': url,
    'offers': {
      '@type': 'Offer',
      'url': url,
      // Everybody's price: a member's own never goes to search engines.
      'price': Money.of(page.price.publicPrice, page.price.currency).toDecimalString(),
      'priceCurrency': page.variant.currency,
      'availability': AVAILABILITY[page.stock.status],
    },
  }
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
