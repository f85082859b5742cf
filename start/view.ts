/*
|--------------------------------------------------------------------------
| Edge globals
|--------------------------------------------------------------------------
*/

import edge from 'edge.js'
import { appUrl } from '#config/app'
import { LEGAL_PAGES } from '#support/legal_pages'
import { ADMIN_NAVIGATION } from '#support/admin_navigation'
import { fallbackKey, mediaUrl, srcset } from '#support/media_urls'
import { WITHDRAWAL_EXCEPTIONS } from '#domain/withdrawal_exceptions'
import { FRENCH_VAT_RATES, formatVatRate } from '#domain/vat'
import { countryName } from '#domain/countries'

/**
 * Absolute base URL, for hreflang alternates.
 */
edge.global('appUrl', appUrl.replace(/\/$/, ''))
edge.global('legalPages', LEGAL_PAGES)
edge.global('adminNavigation', ADMIN_NAVIGATION)
edge.global('mediaUrl', mediaUrl)
edge.global('srcset', srcset)
edge.global('fallbackKey', fallbackKey)
edge.global('withdrawalExceptions', WITHDRAWAL_EXCEPTIONS)
edge.global('vatRates', FRENCH_VAT_RATES)
edge.global('formatVatRate', formatVatRate)
edge.global('countryName', countryName)

/**
 * Attributes for an element. Edge's `html.attrs` writes values as they are,
 * and form values often come from a person: escape them first.
 */
edge.global('attrs', (attributes: Record<string, unknown>) => {
  const { html } = edge.globals
  return html.attrs(
    Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [
        key,
        typeof value === 'string' ? html.escape(value) : value,
      ])
    )
  )
})
