import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { ADMIN_NAVIGATION } from '#support/admin_navigation'
import { registerCatalogRoutes } from '#start/routes/admin_catalog'

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

      for (const section of ADMIN_NAVIGATION.filter((item) => item.placeholder)) {
        router
          .get(section.path.replace('/admin', ''), [controllers.admin.Sections, 'show'])
          .as(section.key)
          .use(middleware.can({ permission: section.permission }))
      }

      router
        .group(() => registerCatalogRoutes())
        .where('id', router.matchers.number())
        .use(middleware.can({ permission: 'catalog.manage' }))

      router
        .group(() => {
          router.get('/settings', [controllers.admin.Settings, 'edit']).as('settings.edit')
          router.put('/settings', [controllers.admin.Settings, 'update']).as('settings.update')
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
