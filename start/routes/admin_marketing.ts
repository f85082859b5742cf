import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Marketing in the back office: coupon codes. Registered by
 * start/routes/admin.ts inside the signed-in /admin group.
 */
export function registerMarketingRoutes() {
  const { Coupons } = controllers.admin

  router
    .group(() => {
      router.get('/coupons', [Coupons, 'index']).as('coupons.index')
      router.get('/coupons/new', [Coupons, 'create']).as('coupons.create')
      router.post('/coupons', [Coupons, 'store']).as('coupons.store')
      router.get('/coupons/:id/edit', [Coupons, 'edit']).as('coupons.edit')
      router.put('/coupons/:id', [Coupons, 'update']).as('coupons.update')
      router.post('/coupons/:id/deactivate', [Coupons, 'deactivate']).as('coupons.deactivate')
      router.delete('/coupons/:id', [Coupons, 'destroy']).as('coupons.destroy')
    })
    .where('id', router.matchers.number())
    .use(middleware.can({ permission: 'marketing.manage' }))
}
