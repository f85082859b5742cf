import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { LEGAL_PAGE_SLUGS, WITHDRAWAL_FORM_FILES } from '#support/legal_pages'
import { registerStorefrontAccountRoutes } from '#start/routes/storefront_account'
import { registerStorefrontCheckoutRoutes } from '#start/routes/storefront_checkout'
import { registerStorefrontWithdrawalRoutes } from '#start/routes/storefront_withdrawals'
import { registerStorefrontPrivacyRoutes } from '#start/routes/storefront_privacy'
import { registerStorefrontGuaranteeRoutes } from '#start/routes/storefront_guarantee'
import { registerStorefrontSsoRoutes } from '#start/routes/storefront_sso'

const legalPageSlug = new RegExp(`^(${LEGAL_PAGE_SLUGS.join('|')})$`)
const withdrawalFormFile = new RegExp(
  `^(${Object.values(WITHDRAWAL_FORM_FILES).join('|').replaceAll('.', '\\.')})$`
)

/**
 * Storefront pages, registered once per locale by start/routes.ts.
 */
export function registerStorefrontRoutes() {
  router.get('/', [controllers.storefront.Home, 'show']).as('home')
  router.get('/search', [controllers.storefront.Search, 'index']).as('search')
  registerStorefrontCheckoutRoutes()
  router.get('/c/:slug', [controllers.storefront.Categories, 'show']).as('categories.show')
  router.get('/p/:slug', [controllers.storefront.Products, 'show']).as('products.show')
  router
    .get('/pages/:slug', [controllers.storefront.LegalPages, 'show'])
    .where('slug', legalPageSlug)
    .as('legal_pages.show')
  // Every published version stays readable at its own URL, as a page and as its PDF.
  router
    .get('/pages/:slug/versions/:version', [controllers.storefront.LegalPages, 'version'])
    .where('slug', legalPageSlug)
    .where('version', router.matchers.number())
    .as('legal_pages.versions.show')
  router
    .get('/pages/:slug/versions/:version.pdf', [controllers.storefront.LegalPages, 'pdf'])
    .where('slug', legalPageSlug)
    // The matcher sees the whole segment, suffix included ("3.pdf").
    .where('version', { match: /^\d+\.pdf$/, cast: (value: string) => Number(value) })
    .as('legal_pages.versions.pdf')
  router
    .get('/pages/:file', [controllers.storefront.LegalPages, 'withdrawalForm'])
    .where('file', withdrawalFormFile)
    .as('legal_pages.withdrawal_form')
  registerStorefrontAccountRoutes()
  registerStorefrontWithdrawalRoutes()
  registerStorefrontPrivacyRoutes()
  registerStorefrontGuaranteeRoutes()
  registerStorefrontSsoRoutes()
}
