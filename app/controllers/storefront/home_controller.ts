import type { HttpContext } from '@adonisjs/core/http'

export default class HomeController {
  async show({ view }: HttpContext) {
    return view.render('pages/storefront/home')
  }
}
