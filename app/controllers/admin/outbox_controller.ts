import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import OutboxService from '#services/outbox_service'
import { pageLinks } from '#support/pagination'
import { outboxPageValidator } from '#validators/outbox'

/** The Outbox: the e-mails the file transport caught instead of sending. */
@inject()
export default class OutboxController {
  constructor(protected outbox: OutboxService) {}

  async index({ request, view }: HttpContext) {
    const { page } = await request.validateUsing(outboxPageValidator, { data: request.qs() })
    const listing = await this.outbox.page(page ?? 1)
    return view.render('pages/admin/outbox/index', {
      ...listing,
      transport: this.outbox.transport(),
      links: pageLinks('/admin/outbox', request.qs(), listing.page, listing.lastPage),
    })
  }

  async show({ params, view }: HttpContext) {
    const message = await this.outbox.find(String(params.id))
    if (!message) throw new lucidErrors.E_ROW_NOT_FOUND()
    return view.render('pages/admin/outbox/show', { message })
  }
}
