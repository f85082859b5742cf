import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health': { paramsTuple?: []; params?: {} }
    'sitemap': { paramsTuple?: []; params?: {} }
    'robots': { paramsTuple?: []; params?: {} }
    'media': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'fr.home': { paramsTuple?: []; params?: {} }
    'fr.search': { paramsTuple?: []; params?: {} }
    'fr.cart': { paramsTuple?: []; params?: {} }
    'fr.cart.lines.store': { paramsTuple?: []; params?: {} }
    'fr.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.home': { paramsTuple?: []; params?: {} }
    'en.search': { paramsTuple?: []; params?: {} }
    'en.cart': { paramsTuple?: []; params?: {} }
    'en.cart.lines.store': { paramsTuple?: []; params?: {} }
    'en.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'admin.login': { paramsTuple?: []; params?: {} }
    'admin.login.store': { paramsTuple?: []; params?: {} }
    'admin.logout': { paramsTuple?: []; params?: {} }
    'admin.dashboard': { paramsTuple?: []; params?: {} }
    'admin.orders': { paramsTuple?: []; params?: {} }
    'admin.customers': { paramsTuple?: []; params?: {} }
    'admin.catalog': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.store': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.images.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.images.arrange': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'imageId': ParamValue} }
    'admin.catalog.products.mass': { paramsTuple?: []; params?: {} }
    'admin.catalog.export': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.store': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_categories.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.move': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.products.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.products.move': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'productId': ParamValue} }
    'admin.catalog_attributes.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attributes.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attributes.options.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attribute_sets.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_attribute_sets.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_locations.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_locations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_synonyms.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_synonyms.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_synonyms.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.settings.edit': { paramsTuple?: []; params?: {} }
    'admin.settings.update': { paramsTuple?: []; params?: {} }
    'admin.plugins.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.patches.apply': { paramsTuple?: []; params?: {} }
    'admin.plugins.show': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.plugins.settings.update': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.plugins.enable': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.plugins.disable': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.maintenance.show': { paramsTuple?: []; params?: {} }
    'admin.maintenance.update': { paramsTuple?: []; params?: {} }
    'admin.maintenance.destroy': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.store': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.export': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.import': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.shipping-table-rates.rates.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.shipping-table-rates.rates.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  GET: {
    'health': { paramsTuple?: []; params?: {} }
    'sitemap': { paramsTuple?: []; params?: {} }
    'robots': { paramsTuple?: []; params?: {} }
    'media': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'fr.home': { paramsTuple?: []; params?: {} }
    'fr.search': { paramsTuple?: []; params?: {} }
    'fr.cart': { paramsTuple?: []; params?: {} }
    'fr.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.home': { paramsTuple?: []; params?: {} }
    'en.search': { paramsTuple?: []; params?: {} }
    'en.cart': { paramsTuple?: []; params?: {} }
    'en.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'admin.login': { paramsTuple?: []; params?: {} }
    'admin.dashboard': { paramsTuple?: []; params?: {} }
    'admin.orders': { paramsTuple?: []; params?: {} }
    'admin.customers': { paramsTuple?: []; params?: {} }
    'admin.catalog': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.export': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.products.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attributes.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attribute_sets.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_locations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_synonyms.index': { paramsTuple?: []; params?: {} }
    'admin.settings.edit': { paramsTuple?: []; params?: {} }
    'admin.plugins.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.show': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.maintenance.show': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.export': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'health': { paramsTuple?: []; params?: {} }
    'sitemap': { paramsTuple?: []; params?: {} }
    'robots': { paramsTuple?: []; params?: {} }
    'media': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'fr.home': { paramsTuple?: []; params?: {} }
    'fr.search': { paramsTuple?: []; params?: {} }
    'fr.cart': { paramsTuple?: []; params?: {} }
    'fr.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.home': { paramsTuple?: []; params?: {} }
    'en.search': { paramsTuple?: []; params?: {} }
    'en.cart': { paramsTuple?: []; params?: {} }
    'en.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'admin.login': { paramsTuple?: []; params?: {} }
    'admin.dashboard': { paramsTuple?: []; params?: {} }
    'admin.orders': { paramsTuple?: []; params?: {} }
    'admin.customers': { paramsTuple?: []; params?: {} }
    'admin.catalog': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.export': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.products.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attributes.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attribute_sets.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_locations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_synonyms.index': { paramsTuple?: []; params?: {} }
    'admin.settings.edit': { paramsTuple?: []; params?: {} }
    'admin.plugins.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.show': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.maintenance.show': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.export': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'fr.cart.lines.store': { paramsTuple?: []; params?: {} }
    'en.cart.lines.store': { paramsTuple?: []; params?: {} }
    'admin.login.store': { paramsTuple?: []; params?: {} }
    'admin.logout': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.store': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.images.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.mass': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_categories.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.options.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_locations.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_synonyms.store': { paramsTuple?: []; params?: {} }
    'admin.plugins.patches.apply': { paramsTuple?: []; params?: {} }
    'admin.plugins.enable': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.plugins.disable': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.plugins.shipping-table-rates.rates.store': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.import': { paramsTuple?: []; params?: {} }
  }
  PUT: {
    'admin.catalog.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.images.arrange': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'imageId': ParamValue} }
    'admin.catalog_categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.move': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.products.move': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'productId': ParamValue} }
    'admin.catalog_attributes.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.settings.update': { paramsTuple?: []; params?: {} }
    'admin.plugins.settings.update': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.maintenance.update': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PATCH: {
    'admin.catalog_categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attributes.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  DELETE: {
    'admin.catalog_synonyms.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.maintenance.destroy': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}