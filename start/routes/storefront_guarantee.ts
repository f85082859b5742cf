import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

/**
 * Reporting a defect under the legal guarantee of conformity (LEGAL.md G-01
 * to G-03), next to the order page: registered once per locale from
 * registerStorefrontRoutes (names "fr.guarantee.*", "en.guarantee.*").
 */
export function registerStorefrontGuaranteeRoutes() {
  const { GuaranteeClaims } = controllers.storefront

  router
    .group(() => {
      router.get('/:number/guarantee', [GuaranteeClaims, 'create']).as('create')
      router.post('/:number/guarantee', [GuaranteeClaims, 'store']).as('store')
    })
    .prefix('/orders')
    .as('guarantee')
}
