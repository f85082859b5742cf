import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import CartLine from '#models/cart_line'
import OrderStockAllocation from '#models/order_stock_allocation'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import CheckoutService from '#services/checkout/checkout_service'
import PaymentOptions from '#services/checkout/payment_options'
import OrderPayments from '#services/orders/order_payments'
import PaymentWindow from '#services/payments/payment_window'
import {
  cartReadyToOrder,
  checkoutShop,
  placeCart,
  placeOrder,
  productOnSale,
  statusOf,
} from '#tests/helpers/checkout'
import { createCoupon } from '#tests/helpers/coupons'

async function stockAt(variantId: number, locationId: number) {
  const row = await db
    .from('stock_levels')
    .where({ variant_id: variantId, stock_location_id: locationId })
    .first()
  return Number(row?.quantity ?? 0)
}

const staff = { label: 'Claire (owner)', adminUserId: null }

test.group('Order payments', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('marking an order paid captures its payment once, with who and when', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'P-1')
    const order = await placeOrder([{ variantId, quantity: 1 }])
    const payments = await app.container.make(OrderPayments)

    assert.equal(await payments.markPaid(order.id, staff), 'paid')
    assert.equal(await payments.markPaid(order.id, staff), 'already_paid')

    await order.refresh()
    assert.equal(order.status, 'paid')
    assert.equal(order.paymentStatus, 'captured')
    assert.isNotNull(order.paidAt)
    const payment = await Payment.findByOrFail('order_id', order.id)
    const transitions = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .orderBy('id')
    assert.deepEqual(
      transitions.map((row) => [row.fromStatus, row.toStatus, row.actor]),
      [
        [null, 'pending', 'customer'],
        ['pending', 'captured', 'Claire (owner)'],
      ]
    )
  })

  test('cancelling an unpaid order puts its stock back where it was taken', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'P-2')
    const order = await placeOrder([{ variantId, quantity: 3 }])
    assert.equal(await stockAt(variantId, catalog.warehouse.id), 2)

    const payments = await app.container.make(OrderPayments)
    assert.isTrue(await payments.cancelUnpaid(order.id, staff, 'customer asked'))
    assert.isFalse(await payments.cancelUnpaid(order.id, staff, 'twice'))

    await order.refresh()
    assert.equal(order.status, 'cancelled')
    assert.equal(order.paymentStatus, 'cancelled')
    assert.equal(await stockAt(variantId, catalog.warehouse.id), 5)
    const allocations = await OrderStockAllocation.all()
    assert.isTrue(allocations.every((allocation) => allocation.releasedAt !== null))
  })

  test('a paid order is not cancelled as unpaid', async ({ assert, cleanup }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'P-3')
    const order = await placeOrder([{ variantId, quantity: 1 }])
    const payments = await app.container.make(OrderPayments)
    await payments.markPaid(order.id, staff)
    assert.isFalse(await payments.cancelUnpaid(order.id, staff, 'too late'))
    assert.equal(await statusOf(order.id), 'paid')
  })

  test('an order still unpaid when its payment window ends is cancelled', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'P-4')
    const overdue = await placeOrder([{ variantId, quantity: 1 }])
    const paid = await placeOrder([{ variantId, quantity: 1 }])
    const payments = await app.container.make(OrderPayments)
    await payments.markPaid(paid.id, staff)
    // Bank transfer: seven days by default.
    assert.closeTo(overdue.paymentDueAt!.diff(overdue.placedAt, 'days').days, 7, 0.01)

    const window = await app.container.make(PaymentWindow)
    assert.deepEqual(await window.cancelOverdue(DateTime.now().plus({ days: 6 })), [])
    assert.deepEqual(await window.cancelOverdue(DateTime.now().plus({ days: 8 })), [overdue.number])
    assert.equal(await statusOf(overdue.id), 'cancelled')
    assert.equal(await statusOf(paid.id), 'paid')
    assert.equal(await stockAt(variantId, catalog.warehouse.id), 4)
  })

  test('going back to the cart cancels the unpaid order and refills the cart', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'P-5')
    const cart = await cartReadyToOrder([{ variantId, quantity: 2 }])
    const order = await placeCart(cart)

    const response = await client
      .post(`/orders/${order.number}/cart`)
      .withCookie('cart', cart.token)
      .withSession({ placed_orders: [order.number] })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/cart')
    assert.equal(await statusOf(order.id), 'cancelled')
    const lines = await CartLine.query().where('cart_id', cart.id)
    assert.deepEqual(
      lines.map((line) => [line.variantId, line.quantity]),
      [[variantId, 2]]
    )
    assert.equal(await stockAt(variantId, catalog.warehouse.id), 5)
  })

  test('another visitor cannot see or cancel an order', async ({ client, cleanup }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'P-6')
    const order = await placeOrder([{ variantId, quantity: 1 }])
    const page = await client.get(`/orders/${order.number}`)
    page.assertStatus(404)
    const cancel = await client.post(`/orders/${order.number}/cart`).withCsrfToken().redirects(0)
    cancel.assertStatus(404)
  })

  test('click & collect takes the stock from the chosen shop; pay in store only there', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup, [
      'shipping-click-collect',
      'shipping-table-rates',
      'payment-pay-in-store',
      'payment-bank-transfer',
    ])
    const product = await catalog.createProduct({ fr: 'Sabot boutique', en: 'Shop clog' }, [
      {
        sku: 'SHOP-1',
        stock: [
          { stockLocationId: catalog.warehouse.id, quantity: 5, safetyThreshold: 0 },
          { stockLocationId: catalog.store.id, quantity: 2, safetyThreshold: 0 },
        ],
      },
    ])
    await product.load('variants')
    const variantId = product.variants[0].id
    const checkout = await app.container.make(CheckoutService)
    const pickupCart = await cartReadyToOrder([{ variantId, quantity: 1 }], {
      shipping: 'click-collect',
      pickupPoint: 'lyon',
      payment: 'pay-in-store',
    })
    const pickup = await checkout.summary(pickupCart, 'fr', { customerId: null, email: null })
    assert.sameMembers(
      pickup.payments.map((option) => option.code),
      ['bank-transfer', 'pay-in-store']
    )
    const order = await placeOrder([{ variantId, quantity: 1 }], {
      checkout: { shipping: 'click-collect', pickupPoint: 'lyon', payment: 'pay-in-store' },
    })
    assert.equal(order.shippingService, 'pickup')
    assert.equal(order.pickupPoint?.code, 'lyon')
    assert.isNull(order.shippingAddress)
    assert.equal(await stockAt(variantId, catalog.store.id), 1)
    assert.equal(await stockAt(variantId, catalog.warehouse.id), 5)

    const homeCart = await cartReadyToOrder([{ variantId, quantity: 1 }])
    const home = await checkout.summary(homeCart, 'fr', { customerId: null, email: null })
    assert.notInclude(
      home.payments.map((option) => option.code),
      'pay-in-store'
    )
  })

  test("a coupon's use is recorded with the order and given back when it is cancelled", async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'P-7', { priceAmount: 2000 })
    const coupon = await createCoupon({ code: 'UNEFOIS', usageLimit: 1 })
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])
    await cart.merge({ couponCode: 'UNEFOIS' }).save()
    const order = await placeCart(cart)
    assert.equal(order.discountTotal, 200)
    assert.equal(order.couponCode, 'UNEFOIS')
    await coupon.refresh()
    assert.equal(coupon.timesUsed, 1)

    const payments = await app.container.make(OrderPayments)
    await payments.cancelUnpaid(order.id, staff, 'changed my mind')
    await coupon.refresh()
    assert.equal(coupon.timesUsed, 0)
  })

  test('a payment that fails to start leaves the order reserved, payable another way', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'P-8')
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])
    const order = await placeCart(cart)
    const options = await app.container.make(PaymentOptions)
    const real = await options.provider('bank-transfer')
    // The provider's service is down: starting the payment throws.
    const failing = Object.assign(Object.create(real!), {
      start: async () => {
        throw new Error('provider unreachable')
      },
    })
    app.container.swap(PaymentOptions, () => {
      const swapped = new PaymentOptions(options['kernel'])
      swapped.provider = async () => failing
      return swapped
    })
    cleanup(() => app.container.restore(PaymentOptions))

    const payments = await app.container.make(OrderPayments)
    assert.isNull(await payments.start(order, 'fr'))

    await order.refresh()
    assert.equal(order.status, 'pending_payment')
    assert.equal(order.paymentStatus, 'failed')
    assert.equal(await stockAt(variantId, catalog.warehouse.id), 4)
    app.container.restore(PaymentOptions)
    const page = await client
      .get(`/orders/${order.number}/payment`)
      .withSession({ placed_orders: [order.number] })
    page.assertStatus(200)
    assert.include(page.text(), 'value="bank-transfer"')
  })
})
