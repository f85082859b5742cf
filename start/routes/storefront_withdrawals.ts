import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

/**
 * The online withdrawal function of an order (LEGAL.md WF-01 to WF-05), next
 * to its page: registered once per locale from registerStorefrontRoutes
 * (names "fr.withdrawals.*", "en.withdrawals.*").
 */
export function registerStorefrontWithdrawalRoutes() {
  const { Withdrawals } = controllers.storefront

  router
    .group(() => {
      router.get('/:number/withdrawal', [Withdrawals, 'create']).as('create')
      router.post('/:number/withdrawal', [Withdrawals, 'review']).as('review')
      router.post('/:number/withdrawal/confirmation', [Withdrawals, 'store']).as('store')
    })
    .prefix('/orders')
    .as('withdrawals')
}
