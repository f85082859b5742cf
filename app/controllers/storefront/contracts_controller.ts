import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ContractArchive from '#models/contract_archive'
import PrivacyException from '#exceptions/privacy_exception'
import ContractArchives from '#services/privacy/contract_archives'
import { renderContractPdf } from '#services/privacy/contract_pdf'
import type { Locale } from '#support/locale_paths'
import { accessibleOrder } from '#support/order_access'
import { sendPrivatePdf } from '#support/pdf_download'

/**
 * An archived contract handed back to the consumer (LEGAL.md P-09), for
 * whoever may see the order: the session that placed it, its customer, or a
 * guest holding a signed link.
 */
@inject()
export default class ContractsController {
  constructor(protected archives: ContractArchives) {}

  async show(ctx: HttpContext) {
    const order = await accessibleOrder(ctx)
    const archive = await ContractArchive.findBy('order_number', order.number)
    if (!archive) throw PrivacyException.contractNotFound()
    if (!this.archives.isIntact(archive)) throw PrivacyException.contractAltered(order.number)
    const pdf = await renderContractPdf(archive, ctx.i18n.locale as Locale)
    return sendPrivatePdf(ctx.response, `${archive.orderNumber}.pdf`, pdf)
  }
}
