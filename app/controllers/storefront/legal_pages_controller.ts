import type { HttpContext } from '@adonisjs/core/http'
import { LEGAL_PAGES } from '#support/legal_pages'

export default class LegalPagesController {
  /**
   * A legal page the merchant publishes (mentions légales, CGV, …). The route
   * only matches known slugs, so the page always exists here.
   */
  async show({ params, view }: HttpContext) {
    const page = LEGAL_PAGES.find((candidate) => candidate.slug === params.slug)!
    return view.render('pages/storefront/legal_page', { page })
  }
}
