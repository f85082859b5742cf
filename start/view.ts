/*
|--------------------------------------------------------------------------
| Edge globals
|--------------------------------------------------------------------------
*/

import edge from 'edge.js'
import { type VisitorBit, visitorBitMarker } from '#services/page_cache/visitor_bits'
import app from '@adonisjs/core/services/app'
import { appUrl } from '#config/app'
import { LEGAL_PAGES } from '#support/legal_pages'
import { ADMIN_NAVIGATION } from '#support/admin_navigation'
import { fallbackKey, mediaUrl, srcset } from '#support/media_urls'
import { publicAssets } from '#services/assets/public_assets'
import { WITHDRAWAL_EXCEPTIONS } from '#domain/withdrawal_exceptions'
import { FRENCH_VAT_RATES, formatVatRate } from '#domain/vat'
import { countryName } from '#domain/countries'
import type Order from '#models/order'
import OrderPickups from '#services/orders/order_pickups'
import OrderWithdrawals from '#services/withdrawals/order_withdrawals'
import { formatStatementTime } from '#services/withdrawals/withdrawal_statement'
import OrderGuarantee from '#services/guarantee/order_guarantee'
import SsoProviders from '#services/sso/sso_providers'
import SsoAccountOverview from '#services/sso/sso_account_overview'
import type Customer from '#models/customer'
import type { Locale } from '#support/locale_paths'
import type { SsoAudience } from '@comptoir/contracts/sso_provider'

/**
 * edge.js 6.5 re-reads every components folder before each render when its
 * instance was created before `cache` was turned on, which is how AdonisJS
 * creates it. Templates do not change in a running production process: list
 * them once per set of mounted folders (plugins mount theirs at boot).
 */
if (app.inProduction) {
  const loader = edge.loader
  const listComponents = loader.listComponents.bind(loader)
  const listed = new Map<string, ReturnType<typeof listComponents>>()
  loader.listComponents = () => {
    const disks = Object.keys(loader.mounted).join('|')
    if (!listed.has(disks)) listed.set(disks, listComponents())
    return listed.get(disks)!
  }
}

/**
 * Absolute base URL, for hreflang alternates.
 */
edge.global('appUrl', appUrl.replace(/\/$/, ''))
edge.global('legalPages', LEGAL_PAGES)
edge.global('adminNavigation', ADMIN_NAVIGATION)
edge.global('mediaUrl', mediaUrl)
edge.global('srcset', srcset)
edge.global('fallbackKey', fallbackKey)

/**
 * The address of a file in resources/public with its content hash
 * (`asset('css/app.css')` → `/assets/css/app.3f2a9c1b0d.css`), cached for a
 * year. A production server reads and compresses them all at boot.
 */
edge.global('asset', (path: string) => publicAssets.url(path))
if (app.inProduction && app.getEnvironment() === 'web') publicAssets.warm()
edge.global('withdrawalExceptions', WITHDRAWAL_EXCEPTIONS)
edge.global('vatRates', FRENCH_VAT_RATES)
edge.global('formatVatRate', formatVatRate)
edge.global('countryName', countryName)

/**
 * Where a click & collect order stands in its shop, for the order pages'
 * pickup partials (`@let(pickup = await pickupOverview(order))`).
 */
edge.global('pickupOverview', async (order: Order) => {
  const pickups = await app.container.make(OrderPickups)
  return pickups.overview(order)
})

/**
 * Where an order's right of withdrawal stands, for the order pages'
 * withdrawal partials (`@let(withdrawal = await withdrawalOverview(order))`),
 * and a statement's time to the second, in Paris (WF-06).
 */
edge.global('withdrawalOverview', async (order: Order) => {
  const withdrawals = await app.container.make(OrderWithdrawals)
  return withdrawals.state(order)
})
edge.global('formatStatementTime', formatStatementTime)

/**
 * Where an order stands under the legal guarantee of conformity, for the
 * order pages' guarantee partials (`@let(guarantee = await guaranteeOverview(order))`).
 */
edge.global('guaranteeOverview', async (order: Order) => {
  const guarantee = await app.container.make(OrderGuarantee)
  return guarantee.overview(order)
})

/** The SSO sign-in buttons of an audience ("Continuer avec …"). */
edge.global(
  'ssoButtons',
  async (audience: SsoAudience, locale: Locale, returnTo: string | null = null) => {
    const providers = await app.container.make(SsoProviders)
    return providers.buttons(audience, locale, returnTo)
  }
)

/** A customer's linked SSO providers and those they may link, for the account page. */
edge.global('ssoAccount', async (customer: Customer, locale: Locale) => {
  const overview = await app.container.make(SsoAccountOverview)
  return overview.of(customer, locale)
})

/**
 * Visitor-specific parts of a page are filled in when it is sent, cached or
 * not (#services/page_cache/visitor_bits): templates leave a marker.
 */
edge.global('visitorBit', (bit: VisitorBit) => edge.globals.html.safe(visitorBitMarker(bit)))
edge.global('csrfField', () =>
  edge.globals.html.safe(
    `<input type='hidden' name='_csrf' value='${visitorBitMarker('csrf_token')}'>`
  )
)

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
