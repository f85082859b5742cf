import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

/**
 * The cart, the checkout tunnel and the shopper's order pages, registered once
 * per locale from registerStorefrontRoutes.
 */
export function registerStorefrontCheckoutRoutes() {
  const { Cart, Checkout, Orders, Payments } = controllers.storefront
  const variant = router.matchers.number()

  router.get('/cart', [Cart, 'show']).as('cart')
  router.post('/cart/lines', [Cart, 'add']).as('cart.lines.store')
  router
    .put('/cart/lines/:variantId', [Cart, 'update'])
    .where('variantId', variant)
    .as('cart.lines.update')
  router
    .delete('/cart/lines/:variantId', [Cart, 'remove'])
    .where('variantId', variant)
    .as('cart.lines.destroy')
  router.post('/cart/coupon', [Cart, 'applyCoupon']).as('cart.coupon.store')
  router.delete('/cart/coupon', [Cart, 'removeCoupon']).as('cart.coupon.destroy')

  router
    .group(() => {
      router.get('/', [Checkout, 'start']).as('start')
      router.get('/identification', [Checkout, 'identification']).as('identification')
      router.post('/identification', [Checkout, 'saveIdentification']).as('identification.store')
      router.get('/addresses', [Checkout, 'addresses']).as('addresses')
      router.post('/addresses', [Checkout, 'saveAddresses']).as('addresses.store')
      router.get('/delivery', [Checkout, 'delivery']).as('delivery')
      router.post('/delivery', [Checkout, 'saveDelivery']).as('delivery.store')
      router.get('/payment', [Checkout, 'payment']).as('payment')
      router.post('/payment', [Checkout, 'savePayment']).as('payment.store')
      router.get('/review', [Checkout, 'review']).as('review')
      router.post('/orders', [Checkout, 'place']).as('orders.store')
      router.get('/payments/:number/return', [Payments, 'return']).as('payments.return')
      router.get('/payments/:number/cancel', [Payments, 'cancel']).as('payments.cancel')
      router.get('/confirmation/:number', [Orders, 'confirmation']).as('confirmation')
      router
        .post('/confirmation/:number/account', [Orders, 'createAccount'])
        .as('confirmation.account')
    })
    .prefix('/checkout')
    .as('checkout')

  router
    .group(() => {
      router.get('/:number', [Orders, 'show']).as('show')
      router.get('/:number/payment', [Orders, 'payment']).as('payment')
      router.post('/:number/payment', [Orders, 'pay']).as('payment.store')
      router.post('/:number/cart', [Orders, 'backToCart']).as('cart')
      router
        .get('/:number/invoices/:invoiceNumber.pdf', [controllers.storefront.Invoices, 'pdf'])
        .as('invoices.pdf')
    })
    .prefix('/orders')
    .as('orders')
}
