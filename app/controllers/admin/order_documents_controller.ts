import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import InvoiceException from '#exceptions/invoice_exception'
import InvoiceService from '#services/invoices/invoice_service'
import { sendInvoicePdf } from '#support/invoice_links'

/**
 * An order's invoices and credit notes for staff who can see orders.
 */
@inject()
export default class OrderDocumentsController {
  constructor(protected invoices: InvoiceService) {}

  async pdf({ params, response }: HttpContext) {
    const invoice = await Invoice.query()
      .where('id', params.invoiceId)
      .where('order_id', params.id)
      .first()
    if (!invoice) throw InvoiceException.notFound()
    return sendInvoicePdf(response, invoice, await this.invoices.pdf(invoice))
  }
}
