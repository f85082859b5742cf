import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { SSO_CODE } from '#domain/sso'

/**
 * Shopper sign-in with an SSO provider, registered once per locale from
 * registerStorefrontRoutes (names "fr.sso.*", "en.sso.*").
 */
export function registerStorefrontSsoRoutes() {
  const { Sso } = controllers.storefront
  router
    .group(() => {
      router.get('/:code/start', [Sso, 'start']).as('start')
      router.get('/:code/callback', [Sso, 'callback']).as('callback')
    })
    .prefix('/auth/sso')
    .as('sso')
    .where('code', SSO_CODE)

  router
    .post('/account/sso/:id/unlink', [Sso, 'unlink'])
    .where('id', router.matchers.number())
    .as('account.sso.unlink')
    .use(middleware.customer())
}
