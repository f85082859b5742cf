import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Withdrawals in the back office, registered by start/routes/admin.ts inside
 * the signed-in /admin group. Reading them needs orders.view; entering a
 * statement received by letter or e-mail, the goods coming back and the
 * refund, orders.manage; the withdrawal settings, settings.manage.
 */
export function registerWithdrawalRoutes() {
  const { Withdrawals, WithdrawalActions, WithdrawalSettings } = controllers.admin

  router
    .group(() => {
      router.get('/withdrawals', [Withdrawals, 'index']).as('withdrawals.index')
      router.get('/withdrawals/:id', [Withdrawals, 'show']).as('withdrawals.show')
    })
    .where('id', router.matchers.number())
    .use(middleware.can({ permission: 'orders.view' }))

  // Recording a statement changes the order (units no longer to ship, a refund owed).
  router
    .group(() => {
      router.get('/withdrawals/new', [Withdrawals, 'create']).as('withdrawals.create')
      router.post('/withdrawals', [Withdrawals, 'store']).as('withdrawals.store')
    })
    .use(middleware.can({ permission: 'orders.manage' }))

  router
    .group(() => {
      router
        .post('/withdrawals/:id/shipped-back', [WithdrawalActions, 'shippedBack'])
        .as('withdrawals.shipped_back')
      router
        .post('/withdrawals/:id/received', [WithdrawalActions, 'received'])
        .as('withdrawals.received')
      router
        .post('/withdrawals/:id/refund-preview', [WithdrawalActions, 'preview'])
        .as('withdrawals.refund_preview')
      router
        .post('/withdrawals/:id/refunds', [WithdrawalActions, 'refund'])
        .as('withdrawals.refund')
    })
    .where('id', router.matchers.number())
    .use(middleware.can({ permission: 'orders.manage' }))

  router
    .put('/settings/withdrawals', [WithdrawalSettings, 'update'])
    .as('settings.withdrawals.update')
    .use(middleware.can({ permission: 'settings.manage' }))
}
