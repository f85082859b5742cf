import router from '@adonisjs/core/services/router'
import { definePlugin } from '@comptoir/contracts/plugin_manifest'
import ProviderDirectory from '#src/provider_directory'

const ProvidersController = () => import('#src/controllers/providers_controller')

/**
 * Sign-in with any OpenID Connect provider (see README.md): the providers
 * the merchant configures in this plugin's page, each offered to the core as
 * one `SsoProvider`. Accounts, linking and sessions are the core's.
 */
export default definePlugin({
  provides: async () => ({ sso: await new ProviderDirectory().ssoProviders() }),

  adminPages: [
    { path: '/providers', label: { fr: "Fournisseurs d'identité", en: 'Identity providers' } },
  ],

  routes(routes) {
    // The core's plugin page answers at the group's root: the editor lives under /providers.
    routes.admin(() => {
      const id = router.matchers.number()
      router.get('/providers', [ProvidersController, 'index']).as('providers.index')
      router.get('/providers/new', [ProvidersController, 'create']).as('providers.create')
      router.post('/providers', [ProvidersController, 'store']).as('providers.store')
      router
        .get('/providers/:id/edit', [ProvidersController, 'edit'])
        .where('id', id)
        .as('providers.edit')
      router
        .put('/providers/:id', [ProvidersController, 'update'])
        .where('id', id)
        .as('providers.update')
      router
        .delete('/providers/:id', [ProvidersController, 'destroy'])
        .where('id', id)
        .as('providers.destroy')
    })
  },
})
