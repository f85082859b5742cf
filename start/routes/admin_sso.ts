import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { SSO_CODE } from '#domain/sso'

/**
 * Staff sign-in with an SSO provider, outside the signed-in group.
 * Registered by start/routes/admin.ts in its /admin guest group.
 */
export function registerAdminSsoSignInRoutes() {
  const { Sso } = controllers.admin
  router
    .group(() => {
      router.get('/:code/start', [Sso, 'start']).as('start')
      router.get('/:code/callback', [Sso, 'callback']).as('callback')
    })
    .prefix('/sso')
    .as('sso')
    .where('code', SSO_CODE)
    .use(middleware.guest())
}

/**
 * The owner's switch making SSO mandatory. Registered by start/routes/admin.ts
 * inside the signed-in /admin group.
 */
export function registerAdminSsoRoutes() {
  const { Sso } = controllers.admin
  router
    .group(() => {
      router.get('/sso', [Sso, 'edit']).as('sso.edit')
      router.put('/sso', [Sso, 'update']).as('sso.update')
    })
    .use(middleware.can({ permission: 'settings.manage' }))
}
