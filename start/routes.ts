/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| The storefront is declared once and mounted twice: French at the root and
| English under /en. The back office lives under /admin.
|
*/

import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { registerStorefrontRoutes } from '#start/routes/storefront'
import { registerAdminRoutes } from '#start/routes/admin'
import { middleware } from '#start/kernel'
import pluginsConfig from '#config/plugins'
import PluginDirectory from '#plugin_kernel/plugin_directory'
import { registerPluginRoutes } from '#plugin_kernel/plugin_mounts'

router.get('/health', [controllers.HealthChecks, 'show']).as('health')
router.get('/sitemap.xml', [controllers.storefront.Seo, 'sitemap']).as('sitemap')
router.get('/robots.txt', [controllers.storefront.Seo, 'robots']).as('robots')
router.get('/media/*', [controllers.Media, 'show']).as('media')
// Payment providers' server-to-server notifications (webhooks, IPN): signed
// by the provider, so exempt from CSRF (config/shield.ts).
router
  .post('/payments/:code/notifications', [controllers.PaymentNotifications, 'store'])
  .as('payments.notifications')

router
  .group(() => registerStorefrontRoutes())
  .as('fr')
  .use([middleware.shop(), middleware.storefront(), middleware.paymentFormTargets()])
router
  .group(() => registerStorefrontRoutes())
  .prefix('/en')
  .as('en')
  .use([middleware.shop(), middleware.storefront(), middleware.paymentFormTargets()])

registerAdminRoutes()

// Ace commands serve no pages: they never load plugin code to mount routes.
if (app.getEnvironment() !== 'console') {
  await registerPluginRoutes(
    new PluginDirectory(pluginsConfig.pluginsPath),
    {
      storefront: [middleware.shop(), middleware.storefront(), middleware.paymentFormTargets()],
      admin: [
        middleware.auth({ guards: ['admin'] }),
        middleware.shop(),
        middleware.can({ permission: 'plugins.manage' }),
      ],
      enabled: (name) => middleware.pluginEnabled({ name }),
    },
    pluginsConfig.timeoutMs
  )
}
