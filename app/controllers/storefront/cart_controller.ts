import type { HttpContext } from '@adonisjs/core/http'

export default class CartController {
  /**
   * The shopper's cart. Carts are stored once checkout arrives; until then
   * every visitor's cart is empty.
   */
  async show({ view }: HttpContext) {
    return view.render('pages/storefront/cart', { lines: [] })
  }
}
