import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * After-sales under the legal guarantee in the back office, registered by
 * start/routes/admin.ts inside the signed-in /admin group: reading claims
 * needs orders.view; deciding on them, orders.manage.
 */
export function registerGuaranteeRoutes() {
  const { GuaranteeClaims } = controllers.admin

  router
    .group(() => {
      router.get('/after-sales', [GuaranteeClaims, 'index']).as('index')
      router.get('/after-sales/:id', [GuaranteeClaims, 'show']).as('show')
    })
    .where('id', router.matchers.number())
    .as('guarantee_claims')
    .use(middleware.can({ permission: 'orders.view' }))

  router
    .group(() => {
      router.post('/after-sales/:id/accept', [GuaranteeClaims, 'accept']).as('accept')
      router.post('/after-sales/:id/refuse', [GuaranteeClaims, 'refuse']).as('refuse')
      router.post('/after-sales/:id/resolve', [GuaranteeClaims, 'resolve']).as('resolve')
      router.post('/after-sales/:id/close', [GuaranteeClaims, 'close']).as('close')
    })
    .where('id', router.matchers.number())
    .as('guarantee_claims')
    .use(middleware.can({ permission: 'orders.manage' }))
}
