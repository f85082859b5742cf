import { beforeDelete, beforeUpdate, column } from '@adonisjs/lucid/orm'
import { InvoiceSchema } from '#database/schema'
import InvoiceException from '#exceptions/invoice_exception'
import type { InvoiceKind } from '#domain/invoices'

/**
 * An issued invoice or credit note. Rows are only ever inserted
 * (InvoiceService); the model refuses to update or delete one, so a number is
 * never reissued and what was printed stays what was printed (LEGAL.md I-04).
 */
export default class Invoice extends InvoiceSchema {
  @column()
  declare kind: InvoiceKind

  @beforeUpdate()
  static refuseUpdate(invoice: Invoice) {
    throw InvoiceException.immutable(invoice.number)
  }

  @beforeDelete()
  static refuseDelete(invoice: Invoice) {
    throw InvoiceException.immutable(invoice.number)
  }
}
