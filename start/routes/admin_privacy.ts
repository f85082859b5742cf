import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Personal data in the back office (LEGAL.md, P-09): requests and
 * their due dates, exports, erasure and archived contracts. Registered by
 * start/routes/admin.ts inside the signed-in /admin group.
 */
export function registerPrivacyRoutes() {
  const { Privacy } = controllers.admin

  router
    .group(() => {
      router.get('/privacy', [Privacy, 'index']).as('privacy.index')
      router.get('/privacy/contracts/:number.pdf', [Privacy, 'contract']).as('privacy.contract')
      router.get('/customers/:id/privacy', [Privacy, 'show']).as('customers.privacy.show')
      router
        .post('/customers/:id/privacy/requests', [Privacy, 'record'])
        .as('customers.privacy.requests.store')
      router
        .post('/customers/:id/privacy/requests/:requestId/extension', [Privacy, 'extend'])
        .as('customers.privacy.requests.extend')
      router
        .post('/customers/:id/privacy/requests/:requestId/completion', [Privacy, 'complete'])
        .as('customers.privacy.requests.complete')
      router
        .get('/customers/:id/privacy/export.json', [Privacy, 'export'])
        .as('customers.privacy.export')
      router
        .post('/customers/:id/privacy/erasure', [Privacy, 'erase'])
        .as('customers.privacy.erase')
    })
    .where('id', router.matchers.number())
    .where('requestId', router.matchers.number())
    .use(middleware.can({ permission: 'customers.privacy' }))
}
