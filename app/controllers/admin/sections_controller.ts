import type { HttpContext } from '@adonisjs/core/http'

export default class SectionsController {
  /**
   * Back-office sections that later capabilities fill (catalog, orders,
   * customers, plugins). The route name says which one.
   */
  async show({ route, view }: HttpContext) {
    const section = route!.name!.replace('admin.', '')
    return view.render('pages/admin/section', { section })
  }
}
