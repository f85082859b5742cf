import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import type Cart from '#models/cart'
import CartLine from '#models/cart_line'
import Coupon from '#models/coupon'
import Order from '#models/order'
import OrderEvent from '#models/order_event'
import OrderPayments from '#services/orders/order_payments'
import PaymentCompletion from '#services/payments/payment_completion'
import PaymentWindow from '#services/payments/payment_window'
import { CART_COOKIE } from '#support/shopper'
import { sqlTimestamp } from '#support/sql_timestamp'
import {
  cartReadyToOrder,
  checkoutShop,
  placeCart,
  productOnSale,
  stockOf,
} from '#tests/helpers/checkout'
import { createCoupon } from '#tests/helpers/coupons'
import { countRows } from '#tests/helpers/database'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import {
  TEST_PSP,
  backFromPsp,
  notifyPsp,
  paymentRecord,
  paymentState,
  testPsp,
} from '#tests/helpers/payments'

const REFUSED_FR =
  "Le paiement a été refusé : rien n'a été débité. Votre panier est intact : réessayez ou choisissez un autre moyen de paiement."
const ABANDONED_EN =
  'The payment was abandoned: nothing was charged. Your cart is intact: try again or choose another payment method.'

/**
 * A shop with the test PSP and a cart of 2 × 20 € with a single-use coupon,
 * ordered with the PSP: the shopper is on its page, the cart emptied.
 */
async function couponOrderAtThePsp(cleanup: TestContext['cleanup']) {
  const { catalog } = await checkoutShop(cleanup)
  const psp = await testPsp(cleanup)
  const variantId = await productOnSale(catalog, 'CB-1', { priceAmount: 2000, quantity: 5 })
  const coupon = await createCoupon({ code: 'UNEFOIS', usageLimit: 1 })
  const cart = await cartReadyToOrder([{ variantId, quantity: 2 }], { payment: TEST_PSP.code })
  await cart.merge({ couponCode: 'UNEFOIS' }).save()
  const order = await placeCart(cart)
  const payments = await app.container.make(OrderPayments)
  await payments.start(order, 'fr')
  await coupon.refresh()
  return { psp, order, cart, coupon, variantId }
}

async function cartLines(cart: Cart) {
  const lines = await CartLine.query().where('cart_id', cart.id).orderBy('id')
  return lines.map((line) => [line.variantId, line.quantity])
}

async function paymentNotes(order: Order) {
  const events = await OrderEvent.query()
    .where('order_id', order.id)
    .where('type', 'payment')
    .orderBy('id')
  return events.map((event) => event.note ?? '')
}

async function overdueNow(order: Order) {
  await Order.query()
    .where('id', order.id)
    .update({ payment_due_at: sqlTimestamp(DateTime.now().minus({ minutes: 1 })) })
}

test.group('Card payments that do not complete', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('an amount or currency the order does not have puts it on hold, unpaid, out of the window job', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    await testPsp(cleanup)
    const variantId = await productOnSale(catalog, 'CB-2', { priceAmount: 2000, quantity: 5 })
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }], { payment: TEST_PSP.code })
    const short = await placeCart(cart)
    const other = await placeCart(
      await cartReadyToOrder([{ variantId, quantity: 1 }], { payment: TEST_PSP.code })
    )

    const underpaid = await notifyPsp(client, {
      id: 'evt_short',
      type: 'captured',
      order: short.number,
      amount: short.total - 100,
      currency: 'EUR',
    })
    underpaid.assertStatus(200)
    const dollars = await notifyPsp(client, {
      id: 'evt_usd',
      type: 'captured',
      order: other.number,
      amount: other.total,
      currency: 'USD',
    })
    dollars.assertStatus(200)

    for (const [order, id, reported] of [
      [short, 'evt_short', `${short.total - 100} EUR`],
      [other, 'evt_usd', `${other.total} USD`],
    ] as const) {
      const record = await paymentRecord(order.id)
      assert.deepEqual(record.order, ['on_hold', 'pending', false])
      assert.deepEqual(record.invoices, [])
      assert.deepEqual(record.events, [[id, 'captured', 'held']])
      const [note] = await paymentNotes(order)
      assert.include(note, 'amount mismatch')
      assert.include(note, reported)
    }

    // The window ends: an order on hold waits for the merchant, with its stock.
    const window = await app.container.make(PaymentWindow)
    assert.deepEqual(await window.cancelOverdue(DateTime.now().plus({ hours: 2 })), [])
    assert.deepEqual(await paymentState(short.id), ['on_hold', 'pending', false])
    assert.equal(await stockOf(variantId), 3)
  })

  test('a refused card cancels the order, gives back stock and coupon; the shopper finds the cart as it was', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { order, cart, coupon, variantId } = await couponOrderAtThePsp(cleanup)
    assert.equal(order.couponCode, 'UNEFOIS')
    assert.equal(coupon.timesUsed, 1)
    assert.equal(await stockOf(variantId), 3)
    assert.deepEqual(await cartLines(cart), [])

    const refused = await notifyPsp(client, { id: 'evt_f', type: 'failed', order: order.number })
    refused.assertStatus(200)
    const record = await paymentRecord(order.id)
    assert.deepEqual(record.order, ['cancelled', 'failed', false])
    assert.deepEqual(record.transitions.at(-1), [
      'pending',
      'failed',
      'provider:test-card',
      'evt_f',
    ])
    assert.deepEqual(record.events, [['evt_f', 'failed', 'cancelled']])
    assert.equal(await stockOf(variantId), 5)
    await coupon.refresh()
    assert.equal(coupon.timesUsed, 0)

    const back = await backFromPsp(client, order.number, { cart: cart.token })
    back.assertHeader('location', '/checkout/review')
    back.assertFlashMessage('error', REFUSED_FR)
    await cart.refresh()
    assert.deepEqual(await cartLines(cart), [[variantId, 2]])
    assert.equal(cart.couponCode, 'UNEFOIS')
    assert.deepEqual(
      {
        email: cart.checkout?.email,
        shippingAddress: cart.checkout?.shippingAddress,
        shipping: cart.checkout?.shipping?.methodCode,
        payment: cart.checkout?.paymentMethodCode,
      },
      {
        email: order.email,
        shippingAddress: order.shippingAddress!,
        shipping: 'table-rates',
        payment: TEST_PSP.code,
      }
    )

    // Reloading the page puts nothing in twice.
    const reload = await backFromPsp(client, order.number, {
      cart: cart.token,
      session: back.session(),
    })
    reload.assertHeader('location', '/checkout/review')
    assert.deepEqual(await cartLines(cart), [[variantId, 2]])

    // The review step lets the shopper pay another way, and the order goes through.
    const review = await client.get('/checkout/review').withCookie(CART_COOKIE, cart.token)
    review.assertStatus(200)
    assert.include(review.text(), 'href="/checkout/payment"')
    await client
      .post('/checkout/payment')
      .withCookie(CART_COOKIE, cart.token)
      .form({ payment_method: 'bank-transfer' })
      .withCsrfToken()
      .redirects(0)
    const again = await client.get('/checkout/review').withCookie(CART_COOKIE, cart.token)
    const total = /name="expected_total" value="(\d+)"/.exec(again.text())![1]
    assert.equal(Number(total), order.total, 'the same total, coupon included')
    const placed = await client
      .post('/checkout/orders')
      .withCookie(CART_COOKIE, cart.token)
      .form({ expected_total: total, accept_terms: 'true' })
      .withCsrfToken()
      .redirects(0)
    const second = await Order.query().whereNot('id', order.id).firstOrFail()
    placed.assertHeader('location', `/checkout/confirmation/${second.number}`)
    assert.deepEqual(
      [second.status, second.paymentMethodCode, second.couponCode, second.total],
      ['pending_payment', 'bank-transfer', 'UNEFOIS', order.total]
    )
    await coupon.refresh()
    assert.equal(coupon.timesUsed, 1)
    assert.equal(await stockOf(variantId), 3)
  })

  test('the shopper leaving the PSP page cancels the attempt there and the order here', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { psp, order, cart, variantId } = await couponOrderAtThePsp(cleanup)

    const left = await backFromPsp(client, order.number, {
      page: 'cancel',
      locale: 'en',
      cart: cart.token,
    })
    left.assertHeader('location', '/en/checkout/review')
    left.assertFlashMessage('error', ABANDONED_EN)
    assert.equal(psp.psp.get(order.number)!.status, 'cancelled')
    const record = await paymentRecord(order.id)
    assert.deepEqual(record.order, ['cancelled', 'cancelled', false])
    assert.deepEqual(record.transitions.at(-1), ['pending', 'cancelled', 'customer', null])
    assert.equal(await stockOf(variantId), 5)
    const coupon = await Coupon.findByOrFail('code', 'UNEFOIS')
    assert.equal(coupon.timesUsed, 0)
    assert.deepEqual(await cartLines(cart), [[variantId, 2]])
    await cart.refresh()
    assert.equal(cart.couponCode, 'UNEFOIS')
  })

  test('I-01: leaving the PSP page after the card was taken there pays the order, not cancels it', async ({
    assert,
    client,
    cleanup,
  }) => {
    const mail = fakeMail(cleanup)
    const { psp, order, cart, variantId } = await couponOrderAtThePsp(cleanup)
    psp.psp.get(order.number)!.status = 'captured'

    const left = await backFromPsp(client, order.number, {
      page: 'cancel',
      cart: cart.token,
    })
    left.assertHeader('location', `/checkout/confirmation/${order.number}`)
    const record = await paymentRecord(order.id)
    assert.deepEqual(record.order, ['paid', 'captured', true])
    assert.lengthOf(record.invoices, 1)
    assert.equal(await stockOf(variantId), 3)
    assert.deepEqual(await cartLines(cart), [])
    await runQueuedJobsNow()
    assert.lengthOf(mail.ofKind('payment_received'), 1)
  })

  test('when the window ends unpaid the order is cancelled and its stock released; paid at the last second, it is paid', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const psp = await testPsp(cleanup)
    const variantId = await productOnSale(catalog, 'CB-3', { priceAmount: 2000, quantity: 5 })
    const order = await placeCart(
      await cartReadyToOrder([{ variantId, quantity: 2 }], { payment: TEST_PSP.code })
    )
    const payments = await app.container.make(OrderPayments)
    await payments.start(order, 'fr')
    const window = await app.container.make(PaymentWindow)

    // A card page left open: an hour, then the order goes.
    assert.deepEqual(await window.cancelOverdue(DateTime.now().plus({ minutes: 30 })), [])
    await overdueNow(order)
    assert.deepEqual(await window.cancelOverdue(), [order.number])
    const record = await paymentRecord(order.id)
    assert.deepEqual(record.order, ['cancelled', 'cancelled', false])
    assert.equal(psp.psp.get(order.number)!.status, 'cancelled', 'closed at the PSP too')
    assert.equal(await stockOf(variantId), 5)

    const last = await placeCart(
      await cartReadyToOrder([{ variantId, quantity: 1 }], { payment: TEST_PSP.code })
    )
    await payments.start(last, 'fr')
    psp.psp.get(last.number)!.status = 'captured'
    await overdueNow(last)
    assert.deepEqual(await window.cancelOverdue(), [])
    assert.deepEqual(await paymentState(last.id), ['paid', 'captured', true])
    assert.equal(await stockOf(variantId), 4)

    // Still in 3-D Secure at the PSP, which cannot close it: the order waits
    // for the next run rather than being cancelled under a payment in flight.
    const busy = await placeCart(
      await cartReadyToOrder([{ variantId, quantity: 1 }], { payment: TEST_PSP.code })
    )
    await payments.start(busy, 'fr')
    psp.psp.get(busy.number)!.status = 'processing'
    await overdueNow(busy)
    assert.deepEqual(await window.cancelOverdue(), [])
    assert.deepEqual(await paymentState(busy.id), ['pending_payment', 'pending', false])
    psp.psp.get(busy.number)!.status = 'failed'
    assert.deepEqual(await window.cancelOverdue(), [busy.number])
    assert.equal(await stockOf(variantId), 4)
  })

  test('a PSP that cannot be reached when the window ends leaves the order for the next run', async ({
    assert,
    cleanup,
  }) => {
    const { psp, order, variantId } = await couponOrderAtThePsp(cleanup)
    psp.down = true
    await overdueNow(order)
    const window = await app.container.make(PaymentWindow)
    assert.deepEqual(await window.cancelOverdue(), [])
    assert.equal(await stockOf(variantId), 3)
    psp.down = false
    assert.deepEqual(await window.cancelOverdue(), [order.number])
    assert.equal(await stockOf(variantId), 5)
  })

  test('an authorization landing while the window job closes the payment leaves the order to capture', async ({
    assert,
    cleanup,
  }) => {
    const { psp, order, variantId } = await couponOrderAtThePsp(cleanup)
    await overdueNow(order)
    const completion = await app.container.make(PaymentCompletion)
    const cancel = psp.cancel.bind(psp)
    // The PSP's notification lands between the job's query and its call to the PSP.
    psp.cancel = async (attempt) => {
      const atPsp = psp.psp.get(order.number)!
      atPsp.status = 'authorized'
      await completion.apply(
        psp.code,
        {
          kind: 'authorized',
          orderReference: order.number,
          eventId: 'evt_auth',
          transactionId: atPsp.transactionId,
          amount: atPsp.amount,
        },
        { label: `provider:${psp.code}` }
      )
      return cancel(attempt)
    }
    const window = await app.container.make(PaymentWindow)
    assert.deepEqual(await window.cancelOverdue(), [])
    assert.deepEqual(await paymentState(order.id), ['pending_payment', 'authorized', false])
    assert.equal(await stockOf(variantId), 3)
  })

  test('a capture arriving after the order was cancelled never pays it and is noted for a refund', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { order, variantId } = await couponOrderAtThePsp(cleanup)
    await overdueNow(order)
    const window = await app.container.make(PaymentWindow)
    assert.deepEqual(await window.cancelOverdue(), [order.number])
    const cancelled = await paymentRecord(order.id)

    const late = await notifyPsp(client, {
      id: 'evt_late',
      type: 'captured',
      order: order.number,
      amount: order.total,
      currency: 'EUR',
      transaction: 'txn_late',
    })
    late.assertStatus(200)
    const after = await paymentRecord(order.id)
    assert.deepEqual(after.events, [['evt_late', 'captured', 'late']])
    assert.deepEqual({ ...after, events: [] }, { ...cancelled, events: [] })
    assert.deepEqual(after.order, ['cancelled', 'cancelled', false])
    assert.equal(await countRows('invoices'), 0)
    assert.equal(await stockOf(variantId), 5)
    const notes = await paymentNotes(order)
    assert.lengthOf(notes, 1)
    assert.include(notes[0], 'txn_late')
    assert.include(notes[0], 'refund it from the provider')
  })
})
