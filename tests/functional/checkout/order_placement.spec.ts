import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import CartLine from '#models/cart_line'
import Order from '#models/order'
import Payment from '#models/payment'
import CheckoutException from '#exceptions/checkout_exception'
import { cartReadyToOrder, checkoutShop, placeCart, productOnSale } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'

async function stockOf(variantId: number) {
  const row = await db
    .from('stock_levels')
    .where('variant_id', variantId)
    .sum('quantity as total')
    .first()
  return Number(row.total)
}

test.group('Placing an order', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('one transaction: order, lines, stock taken, pending payment, cart emptied', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'MAR-39', { priceAmount: 4990 })
    const cart = await cartReadyToOrder([{ variantId, quantity: 2 }])

    const order = await placeCart(cart)

    assert.match(order.number, /^CMD-\d{4}-000001$/)
    assert.equal(order.status, 'pending_payment')
    assert.equal(order.itemsTotal, 9980)
    assert.equal(order.total, 9980 + order.shippingTotal)
    assert.equal(order.snapshot.terms.version, 1)
    assert.equal(order.placedIp, '203.0.113.9')
    assert.equal(await stockOf(variantId), 3)
    const payment = await Payment.findByOrFail('order_id', order.id)
    assert.equal(payment.status, 'pending')
    assert.equal(payment.amount, order.total)
    assert.lengthOf(await CartLine.query().where('cart_id', cart.id), 0)
  })

  test('W-11: the cheapest standard delivery offered is kept on the order', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'S-1')
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])
    const order = await placeCart(cart)
    const standard = order.snapshot.shippingOffers.filter((offer) => offer.service === 'standard')
    assert.isAbove(standard.length, 0)
    assert.equal(order.cheapestStandardShipping, Math.min(...standard.map((offer) => offer.price)))
  })

  test('P-03: no order without the CGV accepted, and the cart stays as it was', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'S-1')
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])

    await assert.rejects(() => placeCart(cart, { termsAccepted: false }), CheckoutException)
    assert.equal(await countRows('orders'), 0)
    assert.lengthOf(await CartLine.query().where('cart_id', cart.id), 1)
    assert.equal(await stockOf(variantId), 5)
  })

  test('50 parallel checkouts for the last 10 units give 10 orders and 40 clear refusals', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'LAST-1', { quantity: 10 })
    const carts = []
    for (let index = 0; index < 50; index++) {
      carts.push(
        await cartReadyToOrder([{ variantId, quantity: 1 }], { email: `buyer${index}@example.fr` })
      )
    }

    const results = await Promise.allSettled(carts.map((cart) => placeCart(cart)))

    const placed = results.filter((result) => result.status === 'fulfilled')
    const refused = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason] : []
    )
    assert.lengthOf(placed, 10)
    assert.lengthOf(refused, 40)
    for (const reason of refused) {
      assert.instanceOf(reason, CheckoutException)
      assert.equal(reason.code, 'E_CHECKOUT_STOCK_UNAVAILABLE')
    }
    assert.equal(await stockOf(variantId), 0)
    assert.equal(await countRows('orders'), 10)
    const orders = await Order.query().orderBy('number')
    const numbers = orders.map((order) => order.number.slice(-6))
    assert.deepEqual(
      numbers,
      Array.from({ length: 10 }, (_, index) => String(index + 1).padStart(6, '0'))
    )
  }).timeout(60_000)

  test('P-01: no order while the seller has not given their legal identity', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'ID-1')
    await db.from('settings').where('key', 'seller.identity').delete()
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])

    const error = await placeCart(cart).catch((caught) => caught)

    assert.instanceOf(error, CheckoutException)
    assert.equal(error.code, 'E_CHECKOUT_SHOP_NOT_READY')
    assert.equal(await countRows('orders'), 0)
    assert.equal(await stockOf(variantId), 5)
  })
})
