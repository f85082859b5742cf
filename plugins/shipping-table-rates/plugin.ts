import router from '@adonisjs/core/services/router'
import { definePlugin } from '@comptoir/contracts/plugin_manifest'
import { DEMO_RATES } from '#src/demo_rates'
import { estimateDestination, estimateForProduct } from '#src/product_estimate'
import RateService from '#src/rate_service'
import { type TableRateSettings, methodLabels, rateOptions, settings } from '#src/settings'
import TableRateShipping from '#src/table_rate_shipping'

const RatesController = () => import('#src/controllers/rates_controller')

function tableRates(values: TableRateSettings) {
  return new TableRateShipping(methodLabels(values), rateOptions(values))
}

/**
 * Shipping priced from a rate table (see README.md): the method, its back-office
 * editor, and the delivery estimate under the product price.
 */
export default definePlugin({
  settings,

  provides: ({ settings: values }) => ({ shipping: [tableRates(values)] }),

  hooks: {
    // Installing leaves the table empty; the demo shop gets a French table,
    // once: a table that already has rates is the merchant's.
    async seedDemo() {
      const rates = new RateService()
      if (await rates.isEmpty()) await rates.replaceAll(DEMO_RATES)
    },
  },

  adminPages: [{ path: '/rates', label: { fr: 'Grille des tarifs', en: 'Rate table' } }],

  routes(routes) {
    // The core's plugin page answers at the group's root: the editor lives under /rates.
    routes.admin(() => {
      const id = router.matchers.number()
      router.get('/rates', [RatesController, 'index']).as('rates.index')
      router.post('/rates', [RatesController, 'store']).as('rates.store')
      router.get('/rates/export', [RatesController, 'export']).as('rates.export')
      router.post('/rates/import', [RatesController, 'import']).as('rates.import')
      router.get('/rates/:id/edit', [RatesController, 'edit']).where('id', id).as('rates.edit')
      router.put('/rates/:id', [RatesController, 'update']).where('id', id).as('rates.update')
      router.delete('/rates/:id', [RatesController, 'destroy']).where('id', id).as('rates.destroy')
    })
  },

  slots: {
    'product.price.after': {
      view: 'product_estimate',
      async data(input, { settings: values }) {
        const destination = estimateDestination(values)
        const estimate = await estimateForProduct(
          tableRates(values),
          input,
          destination,
          new Date()
        )
        return estimate && { estimate }
      },
    },
  },
})
