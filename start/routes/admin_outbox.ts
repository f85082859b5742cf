import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * The Outbox: e-mails caught by the file transport. Registered by
 * start/routes/admin.ts inside the signed-in /admin group.
 */
export function registerOutboxRoutes() {
  router
    .group(() => {
      router.get('/outbox', [controllers.admin.Outbox, 'index']).as('outbox.index')
      router.get('/outbox/:id', [controllers.admin.Outbox, 'show']).as('outbox.show')
    })
    .use(middleware.can({ permission: 'outbox.view' }))
}
