import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * The second sign-in step, outside the signed-in group: the session only
 * holds a verified password there. Registered by start/routes/admin.ts in
 * its /admin guest group.
 */
export function registerTwoFactorChallengeRoutes() {
  const { TwoFactorChallenge } = controllers.admin
  router
    .get('/login/two-factor', [TwoFactorChallenge, 'show'])
    .as('login.two_factor')
    .use(middleware.guest())
  router
    .post('/login/two-factor', [TwoFactorChallenge, 'store'])
    .as('login.two_factor.store')
    .use(middleware.guest())
}

/**
 * Each member of staff's own account security page (2FA enrolment, recovery
 * codes), open to every role, and the owner's switch requiring 2FA of
 * everyone. Registered by start/routes/admin.ts inside the signed-in /admin
 * group.
 */
export function registerAccountSecurityRoutes() {
  const { AccountSecurity, TwoFactorRequirement } = controllers.admin
  router
    .group(() => {
      router.get('/', [AccountSecurity, 'show']).as('show')
      router.post('/two-factor', [AccountSecurity, 'startEnrolment']).as('enrol')
      router.post('/two-factor/confirm', [AccountSecurity, 'confirmEnrolment']).as('confirm')
      router
        .post('/two-factor/recovery-codes', [AccountSecurity, 'regenerateRecoveryCodes'])
        .as('recovery_codes')
      router.delete('/two-factor', [AccountSecurity, 'disable']).as('disable')
    })
    .prefix('/account/security')
    .as('account.security')

  router
    .put('/settings/two-factor', [TwoFactorRequirement, 'update'])
    .as('settings.two_factor.update')
    .use(middleware.can({ permission: 'settings.manage' }))
}
