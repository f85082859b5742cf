import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerCatalogRoutes } from '#start/routes/admin_catalog'
import { registerMarketingRoutes } from '#start/routes/admin_marketing'
import { registerOrderRoutes } from '#start/routes/admin_orders'
import { registerPickupRoutes } from '#start/routes/admin_pickups'
import { registerOrderDocumentRoutes } from '#start/routes/admin_orders_documents'
import { registerOutboxRoutes } from '#start/routes/admin_outbox'
import { registerWithdrawalRoutes } from '#start/routes/admin_withdrawals'
import { registerPrivacyRoutes } from '#start/routes/admin_privacy'
import { registerPromotionRoutes } from '#start/routes/admin_promotions'
import { registerGuaranteeRoutes } from '#start/routes/admin_guarantee'
import { registerAdvisoryRoutes } from '#start/routes/admin_advisories'
import {
  registerAccountSecurityRoutes,
  registerTwoFactorChallengeRoutes,
} from '#start/routes/admin_two_factor'
import { registerAdminSsoRoutes, registerAdminSsoSignInRoutes } from '#start/routes/admin_sso'

export function registerAdminRoutes() {
  router
    .group(() => {
      router
        .get('/login', [controllers.admin.Session, 'create'])
        .as('login')
        .use(middleware.guest())
      router
        .post('/login', [controllers.admin.Session, 'store'])
        .as('login.store')
        .use(middleware.guest())
      registerTwoFactorChallengeRoutes()
      registerAdminSsoSignInRoutes()
    })
    .prefix('/admin')
    .as('admin')
    .use(middleware.shop())

  router
    .group(() => {
      router.post('/logout', [controllers.admin.Session, 'destroy']).as('logout')
      router
        .get('/', [controllers.admin.Dashboard, 'show'])
        .as('dashboard')
        .use(middleware.can({ permission: 'dashboard.view' }))

      router
        .group(() => registerCatalogRoutes())
        .where('id', router.matchers.number())
        .use(middleware.can({ permission: 'catalog.manage' }))

      registerMarketingRoutes()
      registerOrderRoutes()
      registerPickupRoutes()
      registerOrderDocumentRoutes()
      registerOutboxRoutes()
      registerWithdrawalRoutes()
      registerPrivacyRoutes()
      registerPromotionRoutes()
      registerGuaranteeRoutes()
      registerAdvisoryRoutes()
      registerAccountSecurityRoutes()
      registerAdminSsoRoutes()

      router
        .group(() => {
          router.get('/settings', [controllers.admin.Settings, 'edit']).as('settings.edit')
          router.put('/settings', [controllers.admin.Settings, 'update']).as('settings.update')
          router
            .put('/settings/identity', [controllers.admin.Settings, 'updateIdentity'])
            .as('settings.identity.update')
          router.get('/legal', [controllers.admin.LegalDocuments, 'index']).as('legal.index')
          router.get('/legal/:kind', [controllers.admin.LegalDocuments, 'edit']).as('legal.edit')
          router
            .put('/legal/:kind/draft', [controllers.admin.LegalDocuments, 'saveDraft'])
            .as('legal.draft.update')
          router
            .post('/legal/:kind/versions', [controllers.admin.LegalDocuments, 'publish'])
            .as('legal.versions.store')
          router
            .post('/legal/:kind/template', [controllers.admin.LegalDocuments, 'startFromTemplate'])
            .as('legal.template.store')
        })
        .use(middleware.can({ permission: 'settings.manage' }))

      router
        .group(() => {
          router.get('/plugins', [controllers.admin.Plugins, 'index']).as('plugins.index')
          router
            .post('/plugins/patches', [controllers.admin.Plugins, 'applyPatch'])
            .as('plugins.patches.apply')
          router.get('/plugins/:name', [controllers.admin.Plugins, 'show']).as('plugins.show')
          router
            .put('/plugins/:name/settings', [controllers.admin.Plugins, 'updateSettings'])
            .as('plugins.settings.update')
          router
            .post('/plugins/:name/enable', [controllers.admin.Plugins, 'enable'])
            .as('plugins.enable')
          router
            .post('/plugins/:name/disable', [controllers.admin.Plugins, 'disable'])
            .as('plugins.disable')
        })
        .use(middleware.can({ permission: 'plugins.manage' }))

      router
        .group(() => {
          router.get('/maintenance', [controllers.admin.Maintenance, 'show']).as('maintenance.show')
          router
            .put('/maintenance', [controllers.admin.Maintenance, 'update'])
            .as('maintenance.update')
          router
            .delete('/maintenance', [controllers.admin.Maintenance, 'destroy'])
            .as('maintenance.destroy')
        })
        .use(middleware.can({ permission: 'maintenance.manage' }))
    })
    .prefix('/admin')
    .as('admin')
    .use([middleware.auth({ guards: ['admin'] }), middleware.shop()])
}
