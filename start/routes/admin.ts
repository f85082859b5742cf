import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { ADMIN_NAVIGATION } from '#support/admin_navigation'

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
        .group(() => {
          router.get('/catalog', [controllers.admin.Products, 'index']).as('catalog')
          registerCatalogReferenceRoutes()
          router
            .post('/catalog/products/mass', [controllers.admin.ProductMassActions, 'store'])
            .as('catalog.products.mass')
          router
            .get('/catalog/export.csv', [controllers.admin.CatalogTransfers, 'export'])
            .as('catalog.export')
          router
            .get('/catalog/import', [controllers.admin.CatalogTransfers, 'create'])
            .as('catalog.imports.create')
          router
            .post('/catalog/import', [controllers.admin.CatalogTransfers, 'store'])
            .as('catalog.imports.store')
          router
            .get('/catalog/imports/:id', [controllers.admin.CatalogTransfers, 'show'])
            .as('catalog.imports.show')
            .where('id', router.matchers.number())
          router
            .get('/catalog/products/new', [controllers.admin.ProductForms, 'create'])
            .as('catalog.products.create')
          router
            .post('/catalog/products', [controllers.admin.ProductForms, 'store'])
            .as('catalog.products.store')
          router
            .get('/catalog/products/:id/edit', [controllers.admin.ProductForms, 'edit'])
            .as('catalog.products.edit')
            .where('id', router.matchers.number())
          router
            .put('/catalog/products/:id', [controllers.admin.ProductForms, 'update'])
            .as('catalog.products.update')
            .where('id', router.matchers.number())
          router
            .get('/catalog/products/:id', [controllers.admin.Products, 'show'])
            .as('catalog.products.show')
            .where('id', router.matchers.number())
          router
            .post('/catalog/products/:id/images', [controllers.admin.Products, 'storeImage'])
            .as('catalog.products.images.store')
            .where('id', router.matchers.number())
        })
        .use(middleware.can({ permission: 'catalog.manage' }))

      router
        .group(() => {
          router.get('/settings', [controllers.admin.Settings, 'edit']).as('settings.edit')
          router.put('/settings', [controllers.admin.Settings, 'update']).as('settings.update')
        })
        .use(middleware.can({ permission: 'settings.manage' }))
    })
    .prefix('/admin')
    .as('admin')
    .use([middleware.auth({ guards: ['admin'] }), middleware.shop()])
}

/**
 * Editors of what products are described with: categories, attributes, stock
 * locations and search synonyms.
 */
function registerCatalogReferenceRoutes() {
  const { Categories, Attributes, Locations, Synonyms } = controllers.admin.catalog
  const id = router.matchers.number()

  router
    .resource('catalog/categories', Categories)
    .only(['index', 'store', 'edit', 'update'])
    .where('id', id)
  router
    .resource('catalog/attributes', Attributes)
    .only(['index', 'store', 'edit', 'update'])
    .where('id', id)
  router
    .post('/catalog/attributes/:id/options', [Attributes, 'storeOption'])
    .as('catalog_attributes.options.store')
    .where('id', id)
  router
    .resource('catalog/locations', Locations)
    .only(['index', 'store', 'edit', 'update'])
    .where('id', id)
  router.resource('catalog/synonyms', Synonyms).only(['index', 'store', 'destroy']).where('id', id)
}
