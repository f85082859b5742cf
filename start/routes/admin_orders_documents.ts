import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Invoices and credit notes in the back office, and the accounting export.
 * Registered by start/routes/admin.ts inside the signed-in /admin group.
 */
export function registerOrderDocumentRoutes() {
  const { OrderDocuments, Accounting } = controllers.admin

  router
    .get('/orders/:id/invoices/:invoiceId.pdf', [OrderDocuments, 'pdf'])
    .where('id', router.matchers.number())
    // The matcher sees the whole segment, suffix included ("12.pdf").
    .where('invoiceId', { match: /^\d+\.pdf$/, cast: (value: string) => Number.parseInt(value) })
    .as('orders.invoices.pdf')
    .use(middleware.can({ permission: 'orders.view' }))

  router
    .group(() => {
      router.get('/accounting', [Accounting, 'show']).as('accounting.show')
      router.get('/accounting/journal.csv', [Accounting, 'journal']).as('accounting.journal')
    })
    .use(middleware.can({ permission: 'accounting.export' }))
}
