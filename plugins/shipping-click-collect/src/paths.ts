/** Where the plugin's pages answer (the kernel mounts its route groups there, see plugin.ts). */
export const STOREFRONT_PATH = '/plugins/shipping-click-collect'
export const ADMIN_STORES_PATH = '/admin/plugins/shipping-click-collect/stores'
