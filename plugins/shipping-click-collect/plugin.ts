import router from '@adonisjs/core/services/router'
import { definePlugin } from '@comptoir/contracts/plugin_manifest'
import ClickCollectShipping from '#src/click_collect_shipping'
import { seedDemoStores } from '#src/demo_stores'
import { STOREFRONT_PATH } from '#src/paths'
import { maxStores, methodLabels, settings } from '#src/settings'
import StoreAvailabilityService from '#src/store_availability'
import StockAlerts from '#src/stock_alerts'
import StoreDirectory from '#src/store_directory'

const StoresController = () => import('#src/controllers/stores_controller')
const PickupController = () => import('#src/controllers/pickup_controller')
const StockAlertsController = () => import('#src/controllers/stock_alerts_controller')

/**
 * Click & collect in the merchant's stores (see README.md): the shipping
 * method, the store editor, the availability pages (with their "prévenez-moi"
 * requests, mailed when a store restocks) and the store count under
 * the product price.
 */
export default definePlugin({
  settings,

  provides: ({ settings: values }) => {
    const options = { priceCents: values.priceCents ?? 0, maxStores: maxStores(values) }
    return { shipping: [new ClickCollectShipping(methodLabels(values), options)] }
  },

  hooks: {
    async seedDemo() {
      await seedDemoStores(new StoreDirectory())
    },
  },

  routes(routes) {
    // The core's plugin page answers at the group's root: the editor lives under /stores.
    routes.admin(() => {
      const id = router.matchers.number()
      router.get('/stores', [StoresController, 'index']).as('stores.index')
      router.get('/stores/:id/edit', [StoresController, 'edit']).where('id', id).as('stores.edit')
      router.put('/stores/:id', [StoresController, 'update']).where('id', id).as('stores.update')
    })
    routes.storefront(() => {
      router.get('/availability', [PickupController, 'availability']).as('availability')
      router.get('/stores/:code', [PickupController, 'store']).as('store')
      router.post('/stock-alerts', [StockAlertsController, 'store']).as('stock_alerts.store')
    })
  },

  slots: {
    // The same for every visitor: a count of stores and a form, nothing of the shopper.
    'product.price.after': {
      view: 'product_availability',
      async data(input) {
        const storeCount = await new StoreAvailabilityService().storeCount(input.variant.id)
        return storeCount === null
          ? null
          : { storeCount, action: `${STOREFRONT_PATH}/availability` }
      },
    },
  },

  listeners: {
    // "Prévenez-moi": a store's stock of a variant came back.
    'stock:changed': async (change) => {
      await new StockAlerts().stockChanged(change)
    },
  },
})
