import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import Cart from '#models/cart'
import CartLine from '#models/cart_line'
import { CUSTOMER_PASSWORD, CustomerFactory } from '#database/factories/customer_factory'
import CartService from '#services/cart/cart_service'
import { CART_COOKIE } from '#support/shopper'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { productOnSale } from '#tests/helpers/checkout'

async function linesOf(cart: Cart) {
  const lines = await CartLine.query().where('cart_id', cart.id).orderBy('variant_id')
  return lines.map((line) => [line.variantId, line.quantity])
}

test.group('Carts and signing in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('signing in merges the visit cart into the account cart, kept on any device', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const [first, second] = [
      await productOnSale(catalog, 'A-1'),
      await productOnSale(catalog, 'B-1'),
    ]
    const customer = await CustomerFactory.create()
    const carts = await app.container.make(CartService)
    // Left in the account on another device earlier.
    const accountCart = await carts.create()
    await carts.add(accountCart, first, 1)
    await carts.attachToCustomer(accountCart, customer.id)
    // This visit, before signing in.
    const visitCart = await carts.create()
    await carts.add(visitCart, first, 2)
    await carts.add(visitCart, second, 1)

    const response = await client
      .post('/account/login')
      .withCookie(CART_COOKIE, visitCart.token)
      .form({ email: customer.email, password: CUSTOMER_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.equal(response.cookie(CART_COOKIE)?.value, accountCart.token)
    assert.deepEqual(await linesOf(accountCart), [
      [first, 3],
      [second, 1],
    ])
    assert.isNull(await Cart.find(visitCart.id), 'the visit cart is merged away')
  })

  test('a visit cart becomes the account cart when the account had none', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const variantId = await productOnSale(catalog, 'A-1')
    const customer = await CustomerFactory.create()
    const carts = await app.container.make(CartService)
    const visitCart = await carts.create()
    await carts.add(visitCart, variantId, 1)

    await client
      .post('/account/login')
      .withCookie(CART_COOKIE, visitCart.token)
      .form({ email: customer.email, password: CUSTOMER_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    await visitCart.refresh()
    assert.equal(visitCart.customerId, customer.id)
  })

  test('signing out lets go of the cart on this browser', async ({ client, assert }) => {
    const customer = await CustomerFactory.create()
    const response = await client
      .post('/account/logout')
      .withGuard('customer')
      .loginAs(customer)
      .withCookie(CART_COOKIE, 'some-token')
      .withCsrfToken()
      .redirects(0)
    const cleared = response.cookie(CART_COOKIE)
    assert.exists(cleared)
    assert.equal(cleared!.value, '')
  })
})
