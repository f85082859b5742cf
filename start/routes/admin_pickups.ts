import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Click & collect at the counter. Registered by start/routes/admin.ts inside
 * the signed-in /admin group: parcels and payments, so orders.manage.
 */
export function registerPickupRoutes() {
  const { OrderPickups } = controllers.admin

  router
    .group(() => {
      router.post('/orders/:id/pickup', [OrderPickups, 'markReady']).as('orders.pickup.ready')
      router
        .post('/orders/:id/pickup/code', [OrderPickups, 'sendNewCode'])
        .as('orders.pickup.new_code')
      router
        .post('/orders/:id/pickup/handover', [OrderPickups, 'handOver'])
        .as('orders.pickup.handover')
    })
    .where('id', router.matchers.number())
    .use(middleware.can({ permission: 'orders.manage' }))
}
