import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Orders and customers in the back office. Registered by start/routes/admin.ts
 * inside the signed-in /admin group. Reading, leaving staff notes and sending
 * a customer an order e-mail again need the view permissions (support too:
 * none changes the order); anything that moves an order, orders.manage.
 */
export function registerOrderRoutes() {
  const { Orders, OrderActions, Customers } = controllers.admin

  router
    .group(() => {
      router.get('/orders', [Orders, 'index']).as('orders.index')
      router.get('/orders/export.csv', [Orders, 'export']).as('orders.export')
      router.get('/orders/:id', [Orders, 'show']).as('orders.show')
      router.post('/orders/:id/notes', [OrderActions, 'note']).as('orders.notes.store')
      router.post('/orders/:id/emails', [OrderActions, 'resendEmail']).as('orders.emails.store')
    })
    .where('id', router.matchers.number())
    .use(middleware.can({ permission: 'orders.view' }))

  router
    .group(() => {
      router.post('/orders/mass-shipments', [OrderActions, 'shipMany']).as('orders.ship_many')
      router.post('/orders/:id/payment', [OrderActions, 'markPaid']).as('orders.mark_paid')
      router.post('/orders/:id/capture', [OrderActions, 'capture']).as('orders.capture')
      router.post('/orders/:id/cancellation', [OrderActions, 'cancel']).as('orders.cancel')
      router
        .post('/orders/:id/paid-cancellation', [OrderActions, 'cancelPaid'])
        .as('orders.cancel_paid')
      router.post('/orders/:id/refunds', [OrderActions, 'refund']).as('orders.refunds.store')
      router
        .post('/orders/:id/refunds/:refundId/settlement', [OrderActions, 'settleRefund'])
        .as('orders.refunds.settle')
        .where('refundId', router.matchers.number())
      router.post('/orders/:id/shipments', [OrderActions, 'ship']).as('orders.shipments.store')
      router
        .post('/orders/:id/shipments/:shipmentId/delivery', [OrderActions, 'deliver'])
        .as('orders.shipments.deliver')
        .where('shipmentId', router.matchers.number())
    })
    .where('id', router.matchers.number())
    .use(middleware.can({ permission: 'orders.manage' }))

  router
    .group(() => {
      router.get('/customers', [Customers, 'index']).as('customers.index')
      router.get('/customers/:id', [Customers, 'show']).as('customers.show')
      router.post('/customers/:id/notes', [Customers, 'note']).as('customers.notes.store')
    })
    .where('id', router.matchers.number())
    .use(middleware.can({ permission: 'customers.view' }))
}
