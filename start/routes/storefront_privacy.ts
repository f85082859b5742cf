import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Cookies, marketing consent and personal data (LEGAL.md, P-09),
 * registered once per locale from registerStorefrontRoutes.
 */
export function registerStorefrontPrivacyRoutes() {
  const { Cookies, Newsletter, Contracts } = controllers.storefront
  const { Privacy } = controllers.storefront.account

  router.get('/cookies', [Cookies, 'show']).as('cookies.show')
  router.post('/cookies', [Cookies, 'store']).as('cookies.store')
  router
    .get('/newsletter/unsubscribe/:id', [Newsletter, 'unsubscribe'])
    .where('id', router.matchers.number())
    .as('newsletter.unsubscribe')
  router.get('/orders/:number/contract.pdf', [Contracts, 'show']).as('orders.contract')

  router
    .group(() => {
      router.get('/privacy', [Privacy, 'show']).as('privacy.show')
      router.put('/privacy/marketing', [Privacy, 'updateMarketing']).as('privacy.marketing.update')
      router.get('/privacy/export.json', [Privacy, 'export']).as('privacy.export')
      router.get('/delete', [Privacy, 'confirmDelete']).as('delete')
      router.delete('/', [Privacy, 'destroy']).as('destroy')
    })
    .prefix('/account')
    .as('account')
    .use(middleware.customer())
}
