import type { HttpContext } from '@adonisjs/core/http'

export default class CartController {
  /**
   * The shopper's cart. Carts are stored once checkout arrives; until then
   * every visitor's cart is empty.
   */
  async show({ view }: HttpContext) {
    return view.render('pages/storefront/cart', { lines: [] })
  }

  /**
   * Where the product page's add-to-cart form posts. Until checkout opens it
   * tells the shopper so and sends them back to the product.
   */
  async add({ response, session, i18n }: HttpContext) {
    session.flash('notice', i18n.t('storefront.cart.opening_soon'))
    return response.redirect().back()
  }
}
