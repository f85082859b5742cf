import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import Order from '#models/order'
import InvoiceException from '#exceptions/invoice_exception'
import InvoiceService from '#services/invoices/invoice_service'
import { canAccessOrder } from '#support/order_access'
import { sendInvoicePdf } from '#support/invoice_links'

/**
 * An order's invoices and credit notes for whoever may see the order: the
 * session that placed it, its customer, or a guest holding a signed link.
 */
@inject()
export default class InvoicesController {
  constructor(protected invoices: InvoiceService) {}

  async pdf(ctx: HttpContext) {
    const order = await Order.findBy('number', String(ctx.params.number))
    if (!order || !(await canAccessOrder(ctx, order))) throw InvoiceException.notFound()
    const invoice = await Invoice.query()
      .where('number', String(ctx.params.invoiceNumber))
      .where('order_id', order.id)
      .first()
    if (!invoice) throw InvoiceException.notFound()
    return sendInvoicePdf(ctx.response, invoice, await this.invoices.pdf(invoice))
  }
}
