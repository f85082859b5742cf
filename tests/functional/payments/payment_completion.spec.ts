import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import testUtils from '@adonisjs/core/services/test_utils'
import type Order from '#models/order'
import OrderEvent from '#models/order_event'
import Payment from '#models/payment'
import { documentYear } from '#services/invoices/invoice_service'
import ShipmentService from '#services/orders/shipment_service'
import OrderLine from '#models/order_line'
import app from '@adonisjs/core/services/app'
import { checkoutShop, placeOrder, productOnSale, statusOf } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import {
  TEST_PSP,
  backFromPsp,
  notifyPsp,
  paymentRecord,
  pspSignature,
  testPsp,
  type PspEventBody,
} from '#tests/helpers/payments'

type Cleanup = TestContext['cleanup']

/**
 * A shop with the test PSP and an order of 2 × 20 € placed with it: the
 * shopper is on the PSP's page.
 */
async function orderAtThePsp(cleanup: Cleanup) {
  const { catalog } = await checkoutShop(cleanup)
  const psp = await testPsp(cleanup)
  const variantId = await productOnSale(catalog, 'CB-1', { priceAmount: 2000, quantity: 5 })
  const order = await placeOrder([{ variantId, quantity: 2 }], {
    checkout: { payment: TEST_PSP.code },
  })
  return { psp, order, variantId }
}

function captured(order: Order, id = 'evt_1'): PspEventBody {
  return {
    id,
    type: 'captured',
    order: order.number,
    amount: order.total,
    currency: 'EUR',
    transaction: `txn_${order.number}`,
  }
}

const firstInvoice = () => `FA-${documentYear()}-000001`

test.group('Card payment completion', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('starting sends the shopper to the PSP with return, cancel and notification URLs', async ({
    assert,
    cleanup,
  }) => {
    const { psp, order } = await orderAtThePsp(cleanup)
    const payment = await Payment.findByOrFail('order_id', order.id)
    assert.equal(payment.reference, `sess_${order.number}`)
    assert.equal(payment.status, 'pending')
    const urls = psp.urls.get(order.number)!
    assert.match(urls.return, new RegExp(`/checkout/payments/${order.number}/return$`))
    assert.match(urls.cancel, new RegExp(`/checkout/payments/${order.number}/cancel$`))
    assert.match(urls.notify, /\/payments\/test-card\/notifications$/)
    // A card order waits an hour (paymentWindowHours), not a bank transfer's week.
    assert.closeTo(order.paymentDueAt!.diff(order.placedAt, 'minutes').minutes, 60, 1)
  })

  test('I-01: notification first pays the order once; the return then shows the confirmation', async ({
    assert,
    client,
    cleanup,
  }) => {
    const mail = fakeMail(cleanup)
    const { psp, order } = await orderAtThePsp(cleanup)

    const notified = await notifyPsp(client, captured(order))
    notified.assertStatus(200)
    const paid = await paymentRecord(order.id)
    assert.deepEqual(paid, {
      order: ['paid', 'captured', true],
      payments: [['captured', `txn_${order.number}`]],
      transitions: [
        [null, 'pending', 'customer', null],
        ['pending', 'captured', 'provider:test-card', 'evt_1'],
      ],
      events: [['evt_1', 'captured', 'paid']],
      invoices: [firstInvoice()],
    })

    psp.psp.get(order.number)!.status = 'captured'
    const back = await backFromPsp(client, order.number)
    back.assertStatus(302)
    back.assertHeader('location', `/checkout/confirmation/${order.number}`)
    const confirmation = await client
      .get(`/checkout/confirmation/${order.number}`)
      .withSession({ placed_orders: [order.number] })
    confirmation.assertStatus(200)
    assert.include(confirmation.text(), order.number)

    assert.deepEqual(await paymentRecord(order.id), paid)
    await runQueuedJobsNow()
    assert.lengthOf(mail.ofKind('payment_received'), 1)
  })

  test('return first pays the order; the notification arriving later changes nothing', async ({
    assert,
    client,
    cleanup,
  }) => {
    const mail = fakeMail(cleanup)
    const { psp, order } = await orderAtThePsp(cleanup)
    psp.psp.get(order.number)!.status = 'captured'

    const back = await backFromPsp(client, order.number).qs({
      session_id: `sess_${order.number}`,
    })
    back.assertHeader('location', `/checkout/confirmation/${order.number}`)
    const paid = await paymentRecord(order.id)
    assert.deepEqual(paid.order, ['paid', 'captured', true])
    assert.deepEqual(paid.transitions.at(-1), ['pending', 'captured', 'customer', null])
    assert.deepEqual(paid.invoices, [firstInvoice()])

    const late = await notifyPsp(client, captured(order))
    late.assertStatus(200)
    const after = await paymentRecord(order.id)
    // Acted on once: the event id is kept, the order as it was.
    assert.deepEqual(after.events, [['evt_1', 'captured', 'duplicate']])
    assert.deepEqual({ ...after, events: [] }, { ...paid, events: [] })
    await runQueuedJobsNow()
    assert.lengthOf(mail.ofKind('payment_received'), 1)
  })

  test('20 deliveries of the event and the return at once: one capture, one invoice, one e-mail', async ({
    assert,
    client,
    cleanup,
  }) => {
    const mail = fakeMail(cleanup)
    const { psp, order } = await orderAtThePsp(cleanup)
    psp.psp.get(order.number)!.status = 'captured'

    const deliveries = Array.from({ length: 20 }, () => notifyPsp(client, captured(order)))
    const shopper = backFromPsp(client, order.number)
    const [back, ...answers] = await Promise.all([shopper, ...deliveries])

    assert.deepEqual(
      answers.map((answer) => answer.status()),
      Array(20).fill(200)
    )
    back.assertHeader('location', `/checkout/confirmation/${order.number}`)
    const record = await paymentRecord(order.id)
    assert.deepEqual(record.order, ['paid', 'captured', true])
    assert.lengthOf(
      record.transitions.filter(([, to]) => to === 'captured'),
      1
    )
    assert.deepEqual(record.invoices, [firstInvoice()])
    assert.lengthOf(record.events, 1)
    assert.equal(await countRows('payment_events'), 1)
    await runQueuedJobsNow()
    assert.lengthOf(mail.ofKind('payment_received'), 1)
  }).timeout(60_000)

  test('a replay hours later or another event id for the same capture changes nothing', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { order } = await orderAtThePsp(cleanup)
    await notifyPsp(client, captured(order))
    // Meanwhile the merchant shipped the order.
    const [line] = await OrderLine.query().where('order_id', order.id)
    const shipments = await app.container.make(ShipmentService)
    await shipments.ship(
      order.id,
      { lines: [{ orderLineId: line.id, quantity: 2 }] },
      {
        label: 'Claire (owner)',
      }
    )
    const shipped = await paymentRecord(order.id)
    assert.equal(shipped.order[0], 'shipped')

    const replay = await notifyPsp(client, captured(order))
    replay.assertStatus(200)
    assert.deepEqual(await paymentRecord(order.id), shipped)

    const other = await notifyPsp(client, captured(order, 'evt_2'))
    other.assertStatus(200)
    const after = await paymentRecord(order.id)
    assert.deepEqual(after.events, [
      ['evt_1', 'captured', 'paid'],
      ['evt_2', 'captured', 'duplicate'],
    ])
    assert.deepEqual({ ...after, events: [] }, { ...shipped, events: [] })
  })

  test('a second capture of another transaction for a paid order is noted for a refund, not taken as a replay', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { order } = await orderAtThePsp(cleanup)
    await notifyPsp(client, captured(order))
    const paid = await paymentRecord(order.id)

    // The shopper also paid an earlier session left open in another tab.
    const second = await notifyPsp(client, {
      ...captured(order, 'evt_2'),
      transaction: 'txn_other',
    })
    second.assertStatus(200)
    const after = await paymentRecord(order.id)
    assert.deepEqual(after.events, [
      ['evt_1', 'captured', 'paid'],
      ['evt_2', 'captured', 'late'],
    ])
    assert.deepEqual({ ...after, events: [] }, { ...paid, events: [] })
    const notes = await OrderEvent.query().where('order_id', order.id).where('type', 'payment')
    const note = notes.find((event) => event.note?.includes('txn_other'))
    assert.include(note?.note ?? '', 'refund it from the provider')
  })

  test('a notification with a bad signature gets 400 and changes nothing', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { order } = await orderAtThePsp(cleanup)
    const before = await paymentRecord(order.id)

    const forged = await notifyPsp(client, captured(order), { secret: 'not-the-secret' })
    forged.assertStatus(400)
    const unsigned = await client
      .post(`/payments/${TEST_PSP.code}/notifications`)
      .unsafeJson(JSON.stringify(captured(order)))
    unsigned.assertStatus(400)
    // Signed, then altered on the way: the signature no longer matches the body.
    const body = JSON.stringify(captured(order))
    const tampered = JSON.stringify({ ...captured(order), amount: order.total + 1 })
    const altered = await client
      .post(`/payments/${TEST_PSP.code}/notifications`)
      .header(TEST_PSP.signatureHeader, pspSignature(body))
      .unsafeJson(tampered)
    altered.assertStatus(400)

    assert.deepEqual(await paymentRecord(order.id), before)
    assert.equal(await countRows('payment_events'), 0)
    assert.equal(await statusOf(order.id), 'pending_payment')
  })

  test('a notification for a method the shop does not have gets 404', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { order } = await orderAtThePsp(cleanup)
    const unknown = await notifyPsp(client, captured(order), { code: 'no-such-psp' })
    unknown.assertStatus(404)
    assert.equal(await statusOf(order.id), 'pending_payment')
    assert.equal(await countRows('payment_events'), 0)
  })

  test('a return before the PSP decided shows a page that waits, the order still pending', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { psp, order } = await orderAtThePsp(cleanup)
    // The PSP says it is still in progress: nothing to act on, nothing recorded.
    const pending = await notifyPsp(client, { id: 'evt_0', type: 'pending', order: order.number })
    pending.assertStatus(200)
    assert.equal(await countRows('payment_events'), 0)

    const back = await backFromPsp(client, order.number)
    back.assertStatus(200)
    const html = back.text()
    const reloadUrl = `/checkout/payments/${order.number}/return?reloads=1`
    assert.include(html, `<meta http-equiv="refresh" content="3;url=${reloadUrl}">`)
    assert.match(html, new RegExp(`<p role="status">[^<]*${order.number}`))
    assert.include(html, `href="${reloadUrl}"`)
    // After a minute it stops reloading by itself and leaves it to the shopper (WCAG 2.2.1).
    const later = await backFromPsp(client, order.number, { reloads: 20 })
    later.assertStatus(200)
    assert.notInclude(later.text(), 'http-equiv="refresh"')
    assert.include(later.text(), `href="/checkout/payments/${order.number}/return?reloads=21"`)
    const record = await paymentRecord(order.id)
    assert.deepEqual(record.order, ['pending_payment', 'pending', false])
    assert.deepEqual(record.invoices, [])

    // The PSP's API is down: the shopper waits, nothing fails.
    psp.down = true
    const unreachable = await backFromPsp(client, order.number)
    unreachable.assertStatus(200)
    assert.include(unreachable.text(), 'role="status"')
    assert.deepEqual(await paymentRecord(order.id), record)

    // Another visitor does not learn anything about the order.
    const stranger = await backFromPsp(client, order.number, { session: {} })
    stranger.assertStatus(404)
  })
})
