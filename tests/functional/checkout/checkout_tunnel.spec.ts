import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Cart from '#models/cart'
import CartLine from '#models/cart_line'
import Order from '#models/order'
import Payment from '#models/payment'
import { CART_COOKIE } from '#support/shopper'
import ShippingGap from '#models/shipping_gap'
import { createCoupon } from '#tests/helpers/coupons'
import {
  PARIS_ADDRESS,
  cartReadyToOrder,
  checkoutShop,
  productOnSale,
} from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'

/** A browser's cart cookie, carried from one request to the next. */
function cartCookie(response: { cookie(name: string): { value: string } | undefined }) {
  return response.cookie(CART_COOKIE)!.value
}

test.group('Checkout tunnel over HTTP', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a guest buys with table-rate delivery and bank transfer', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'MAR-39', { priceAmount: 4990 })

    const added = await client
      .post('/cart/lines')
      .form({ variant_id: variantId, quantity: 2 })
      .withCsrfToken()
      .redirects(0)
    added.assertHeader('location', '/cart')
    const token = cartCookie(added)

    const cart = await client.get('/cart').withCookie(CART_COOKIE, token)
    cart.assertStatus(200)
    assert.include(cart.text(), 'Sabot MAR-39')
    assert.include(cart.text(), '99,80')
    assert.include(cart.text(), 'Virement')

    const start = await client.get('/checkout').withCookie(CART_COOKIE, token).redirects(0)
    start.assertHeader('location', '/checkout/identification')

    const identified = await client
      .post('/checkout/identification')
      .withCookie(CART_COOKIE, token)
      .form({ email: 'Claire@Example.fr' })
      .withCsrfToken()
      .redirects(0)
    identified.assertHeader('location', '/checkout/addresses')

    const addressed = await client
      .post('/checkout/addresses')
      .withCookie(CART_COOKIE, token)
      .form({
        billing_same: '1',
        delivery: {
          firstName: 'Claire',
          lastName: 'Martin',
          addressLine1: '12 rue des Lilas',
          postalCode: '75011',
          city: 'Paris',
          countryCode: 'FR',
        },
      })
      .withCsrfToken()
      .redirects(0)
    addressed.assertHeader('location', '/checkout/delivery')

    const delivery = await client.get('/checkout/delivery').withCookie(CART_COOKIE, token)
    delivery.assertStatus(200)
    assert.include(delivery.text(), 'value="table-rates"')
    assert.match(delivery.text(), /Livraison estimée entre le \w+ \d+/)

    await client
      .post('/checkout/delivery')
      .withCookie(CART_COOKIE, token)
      .form({ shipping_method: 'table-rates' })
      .withCsrfToken()
      .redirects(0)
    const payment = await client.get('/checkout/payment').withCookie(CART_COOKIE, token)
    assert.include(payment.text(), 'value="bank-transfer"')
    await client
      .post('/checkout/payment')
      .withCookie(CART_COOKIE, token)
      .form({ payment_method: 'bank-transfer' })
      .withCsrfToken()
      .redirects(0)

    const review = await client.get('/checkout/review').withCookie(CART_COOKIE, token)
    review.assertStatus(200)
    // LEGAL.md P-03: the button says exactly that ordering means paying.
    assert.match(review.text(), /<button[^>]*>Commander avec obligation de paiement<\/button>/)
    assert.include(review.text(), 'name="accept_terms"')
    assert.include(review.text(), '/pages/cgv/versions/1')
    const total = /name="expected_total" value="(\d+)"/.exec(review.text())![1]

    const refused = await client
      .post('/checkout/orders')
      .withCookie(CART_COOKIE, token)
      .form({ expected_total: total })
      .withCsrfToken()
      .redirects(0)
    refused.assertHeader('location', '/checkout/review')
    refused.assertFlashMessage(
      'error',
      'Cochez la case pour accepter les conditions générales de vente.'
    )
    assert.equal(await countRows('orders'), 0)

    const placed = await client
      .post('/checkout/orders')
      .withCookie(CART_COOKIE, token)
      .form({ expected_total: total, accept_terms: 'true' })
      .withCsrfToken()
      .redirects(0)
    const order = await Order.query().firstOrFail()
    placed.assertHeader('location', `/checkout/confirmation/${order.number}`)
    assert.equal(order.email, 'claire@example.fr')
    assert.equal(order.total, Number(total))
    const transfer = await Payment.findByOrFail('order_id', order.id)
    assert.include(
      transfer.instructions!.map((line) => line.value),
      order.number,
      'the transfer reference is the order number'
    )
    const stored = await Cart.findByOrFail('token', token)
    assert.lengthOf(await CartLine.query().where('cart_id', stored.id), 0)
  })

  test('the cart says how many are left instead of overselling', async ({ client, cleanup }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'RARE', { quantity: 2 })
    const added = await client
      .post('/cart/lines')
      .form({ variant_id: variantId, quantity: 5 })
      .withCsrfToken()
      .redirects(0)
    added.assertFlashMessage(
      'error',
      'Il ne reste que 2 exemplaires : votre panier en contient autant.'
    )
  })

  test('a tunnel step with earlier steps missing sends back to the first one', async ({
    client,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'S-1')
    const added = await client
      .post('/cart/lines')
      .form({ variant_id: variantId })
      .withCsrfToken()
      .redirects(0)
    const review = await client
      .get('/checkout/review')
      .withCookie(CART_COOKIE, cartCookie(added))
      .redirects(0)
    review.assertHeader('location', '/checkout/identification')
    review.assertFlashMessage('error', "Indiquez d'abord votre adresse e-mail.")
  })

  test('with no delivery for the address, the shopper gets a contact path and the merchant a gap', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'FAR-1')
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])
    await cart
      .merge({
        checkout: {
          ...cart.checkout,
          shippingAddress: {
            ...PARIS_ADDRESS,
            countryCode: 'DE',
            postalCode: '10115',
            city: 'Berlin',
          },
        },
      })
      .save()

    const page = await client.get('/checkout/delivery').withCookie(CART_COOKIE, cart.token)

    page.assertStatus(200)
    assert.include(page.text(), 'Aucun mode de livraison ne dessert cette adresse')
    assert.include(page.text(), 'mailto:')
    const gaps = await ShippingGap.all()
    assert.deepEqual(
      gaps.map((gap) => [gap.countryCode, gap.postalCode]),
      [['DE', '10115']]
    )
  })

  test('a coupon lowers the cart; a refused code says why and leaves the cart as it was', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'CPN-1', { priceAmount: 3000 })
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])
    await createCoupon({ code: 'BIENVENUE10', kind: 'percentage', value: 1000 })
    await createCoupon({
      code: 'GROS50',
      kind: 'fixed_amount',
      value: 5000,
      currency: 'EUR',
      minSubtotal: 10000,
    })

    const refused = await client
      .post('/cart/coupon')
      .withCookie(CART_COOKIE, cart.token)
      .form({ code: 'gros50' })
      .withCsrfToken()
      .redirects(0)
    refused.assertHeader('location', '/cart')
    // Intl separates the amount from the euro sign with a narrow no-break space.
    assert.match(
      refused.flashMessages().error as string,
      /^Ce code est valable à partir de 100,00\s€ d'achats : ajoutez encore 70,00\s€/u
    )
    await cart.refresh()
    assert.isNull(cart.couponCode)

    const unknown = await client
      .post('/cart/coupon')
      .withCookie(CART_COOKIE, cart.token)
      .form({ code: 'NOPE' })
      .withCsrfToken()
      .redirects(0)
    assert.include(unknown.flashMessages().error as string, 'code')

    await client
      .post('/cart/coupon')
      .withCookie(CART_COOKIE, cart.token)
      .form({ code: ' bienvenue10 ' })
      .withCsrfToken()
      .redirects(0)
    await cart.refresh()
    assert.equal(cart.couponCode, 'BIENVENUE10')
    const page = await client.get('/cart').withCookie(CART_COOKIE, cart.token)
    assert.include(page.text(), '−3,00')
    assert.include(page.text(), '27,00')
  })
})
