import type { HttpContext } from '@adonisjs/core/http'

export default class SearchController {
  /**
   * The catalog search results page; until the catalog exists it finds nothing.
   */
  async index({ request, view }: HttpContext) {
    const q = String(request.input('q', '')).trim().slice(0, 200)
    return view.render('pages/storefront/search', { q, results: [] })
  }
}
