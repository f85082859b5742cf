import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

/**
 * The back-office catalog, registered by start/routes/admin.ts inside the
 * /admin group (signed-in staff holding the catalog permission, numeric ids).
 */
export function registerCatalogRoutes() {
  const { Products, ProductForms, ProductMassActions, CatalogTransfers } = controllers.admin
  const { Categories, CategoryProducts, Attributes, AttributeSets, Locations, Synonyms } =
    controllers.admin.catalog

  router.get('/catalog', [Products, 'index']).as('catalog')
  router.get('/catalog/products/new', [ProductForms, 'create']).as('catalog.products.create')
  router.post('/catalog/products', [ProductForms, 'store']).as('catalog.products.store')
  router.get('/catalog/products/:id', [Products, 'show']).as('catalog.products.show')
  router.get('/catalog/products/:id/edit', [ProductForms, 'edit']).as('catalog.products.edit')
  router.put('/catalog/products/:id', [ProductForms, 'update']).as('catalog.products.update')
  router
    .post('/catalog/products/:id/images', [Products, 'storeImage'])
    .as('catalog.products.images.store')
  router
    .put('/catalog/products/:id/images/:imageId', [Products, 'arrangeImage'])
    .as('catalog.products.images.arrange')
    .where('imageId', router.matchers.number())
  router.post('/catalog/products/mass', [ProductMassActions, 'store']).as('catalog.products.mass')

  router.get('/catalog/export.csv', [CatalogTransfers, 'export']).as('catalog.export')
  router.get('/catalog/import', [CatalogTransfers, 'create']).as('catalog.imports.create')
  router.post('/catalog/import', [CatalogTransfers, 'store']).as('catalog.imports.store')
  router.get('/catalog/imports/:id', [CatalogTransfers, 'show']).as('catalog.imports.show')

  // Reference data products are described with.
  router.resource('catalog/categories', Categories).only(['index', 'store', 'edit', 'update'])
  // Orders set by hand: sibling categories, and the products filed in a category.
  router.put('/catalog/categories/:id/position', [Categories, 'move']).as('catalog_categories.move')
  router
    .get('/catalog/categories/:id/products', [CategoryProducts, 'index'])
    .as('catalog_categories.products.index')
  router
    .put('/catalog/categories/:id/products/:productId/position', [CategoryProducts, 'move'])
    .as('catalog_categories.products.move')
    .where('productId', router.matchers.number())
  router.resource('catalog/attributes', Attributes).only(['index', 'store', 'edit', 'update'])
  router
    .post('/catalog/attributes/:id/options', [Attributes, 'storeOption'])
    .as('catalog_attributes.options.store')
  router
    .resource('catalog/attribute-sets', AttributeSets)
    .only(['index', 'store', 'edit', 'update'])
  router.resource('catalog/locations', Locations).only(['index', 'store', 'edit', 'update'])
  router.resource('catalog/synonyms', Synonyms).only(['index', 'store', 'destroy'])
}
