import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Price reductions in the back office: promotion rules and the customer
 * groups ventes privées are reserved to (marketing), and the soldes dates
 * recorded over the arrêté's, a legal setting (settings.manage). Registered by
 * start/routes/admin.ts inside the signed-in /admin group.
 */
export function registerPromotionRoutes() {
  const { Promotions, CustomerGroups, SoldesCalendar } = controllers.admin

  router
    .group(() => {
      router.get('/promotions', [Promotions, 'index']).as('promotions.index')
      router.get('/promotions/new', [Promotions, 'create']).as('promotions.create')
      router.post('/promotions', [Promotions, 'store']).as('promotions.store')
      router.get('/promotions/:id/edit', [Promotions, 'edit']).as('promotions.edit')
      router.put('/promotions/:id', [Promotions, 'update']).as('promotions.update')
      router.post('/promotions/:id/stop', [Promotions, 'stop']).as('promotions.stop')
      router.delete('/promotions/:id', [Promotions, 'destroy']).as('promotions.destroy')
      router.get('/soldes', [SoldesCalendar, 'show']).as('soldes.show')

      router.get('/customer-groups', [CustomerGroups, 'index']).as('customer_groups.index')
      router.post('/customer-groups', [CustomerGroups, 'store']).as('customer_groups.store')
      router.get('/customer-groups/:id/edit', [CustomerGroups, 'edit']).as('customer_groups.edit')
      router.put('/customer-groups/:id', [CustomerGroups, 'update']).as('customer_groups.update')
      router
        .delete('/customer-groups/:id', [CustomerGroups, 'destroy'])
        .as('customer_groups.destroy')
      router.put('/customers/:id/groups', [CustomerGroups, 'assign']).as('customers.groups.update')
    })
    .where('id', router.matchers.number())
    .use(middleware.can({ permission: 'marketing.manage' }))

  router
    .group(() => {
      router.post('/soldes/periods', [SoldesCalendar, 'store']).as('soldes.periods.store')
      router.delete('/soldes/periods/:id', [SoldesCalendar, 'destroy']).as('soldes.periods.destroy')
    })
    .where('id', router.matchers.number())
    .use(middleware.can({ permission: 'settings.manage' }))
}
