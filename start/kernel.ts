/*
|--------------------------------------------------------------------------
| HTTP kernel
|--------------------------------------------------------------------------
*/

import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'
// `ctx.pageRender`, which controllers and the page cache middleware share.
import '#services/page_cache/page_render'

server.errorHandler(() => import('#exceptions/handler'))

/**
 * Server middleware run on every request, matched by a route or not, so the
 * 404 page is translated too, and maintenance mode closes unknown URLs as well.
 */
server.use([
  () => import('#middleware/container_bindings_middleware'),
  // Outermost: compresses whatever body the rest of the stack leaves (pages, cache hits, errors).
  () => import('#middleware/compress_response_middleware'),
  // Security hot-fixes block exploit requests before anything else runs.
  () => import('#middleware/request_guard_middleware'),
  // resources/public from memory, hashed and precompressed; static serves the rest.
  () => import('#middleware/public_assets_middleware'),
  () => import('#middleware/static_files_middleware'),
  () => import('#middleware/plugin_assets_middleware'),
  () => import('#middleware/detect_locale_middleware'),
  () => import('#middleware/maintenance_middleware'),
  // Anonymous storefront pages from the shared cache; every page's visitor bits.
  () => import('#middleware/page_cache_middleware'),
])

router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('@adonisjs/session/session_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('#middleware/csrf_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
  () => import('#middleware/plugin_slots_middleware'),
])

export const middleware = router.named({
  auth: () => import('#middleware/auth_middleware'),
  guest: () => import('#middleware/guest_middleware'),
  customer: () => import('#middleware/customer_auth_middleware'),
  customerGuest: () => import('#middleware/customer_guest_middleware'),
  can: () => import('#middleware/authorize_middleware'),
  shop: () => import('#middleware/share_shop_middleware'),
  storefront: () => import('#middleware/share_storefront_navigation_middleware'),
  pluginEnabled: () => import('#middleware/plugin_enabled_middleware'),
  paymentFormTargets: () => import('#middleware/payment_form_targets_middleware'),
})
