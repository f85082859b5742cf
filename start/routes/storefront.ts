import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { LEGAL_PAGES } from '#support/legal_pages'

const legalPageSlug = new RegExp(`^(${LEGAL_PAGES.map((page) => page.slug).join('|')})$`)

/**
 * Storefront pages, registered once per locale by start/routes.ts.
 */
export function registerStorefrontRoutes() {
  router.get('/', [controllers.storefront.Home, 'show']).as('home')
  router.get('/search', [controllers.storefront.Search, 'index']).as('search')
  router.get('/cart', [controllers.storefront.Cart, 'show']).as('cart')
  router.post('/cart/lines', [controllers.storefront.Cart, 'add']).as('cart.lines.store')
  router.get('/c/:slug', [controllers.storefront.Categories, 'show']).as('categories.show')
  router.get('/p/:slug', [controllers.storefront.Products, 'show']).as('products.show')
  router
    .get('/pages/:slug', [controllers.storefront.LegalPages, 'show'])
    .where('slug', legalPageSlug)
    .as('legal_pages.show')
}
