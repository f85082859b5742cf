import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * The Security page: advisories affecting the shop and the feed's state.
 * Registered by start/routes/admin.ts inside the signed-in /admin group.
 */
export function registerAdvisoryRoutes() {
  router
    .group(() => {
      router.get('/security', [controllers.admin.Security, 'show']).as('security.show')
      router
        .post('/security/refresh', [controllers.admin.Security, 'refresh'])
        .as('security.refresh')
      router
        .get('/security/evidence.csv', [controllers.admin.SecurityEvidence, 'csv'])
        .as('security.evidence.csv')
      router
        .get('/security/evidence.pdf', [controllers.admin.SecurityEvidence, 'pdf'])
        .as('security.evidence.pdf')
    })
    .use(middleware.can({ permission: 'security.manage' }))
}
