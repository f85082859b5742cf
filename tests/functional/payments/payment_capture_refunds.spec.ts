import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import type { Amount } from '@comptoir/contracts/commerce'
import type { RefundResult } from '@comptoir/contracts/payment_provider'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import Invoice from '#models/invoice'
import OrderEvent from '#models/order_event'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import Refund from '#models/refund'
import { documentYear } from '#services/invoices/invoice_service'
import OrderRefunds from '#services/orders/order_refunds'
import PaymentWindow from '#services/payments/payment_window'
import { checkoutShop, placeOrder, productOnSale, stockOf } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import {
  TEST_PSP,
  backFromPsp,
  notifyPsp,
  paymentRecord,
  paymentState,
  shortRefundTimeout,
  testPsp,
} from '#tests/helpers/payments'

const STAFF = { label: 'Claire (owner)', adminUserId: null }

test.group('Card captures and refunds', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('I-01: an authorized card waits for the merchant, who captures it once from the order page', async ({
    assert,
    client,
    cleanup,
  }) => {
    const mail = fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const psp = await testPsp(cleanup)
    const variantId = await productOnSale(catalog, 'CB-4', { priceAmount: 2000, quantity: 5 })
    const order = await placeOrder([{ variantId, quantity: 2 }], {
      checkout: { payment: TEST_PSP.code },
    })
    psp.psp.get(order.number)!.status = 'authorized'

    const authorized = await notifyPsp(client, {
      id: 'evt_auth',
      type: 'authorized',
      order: order.number,
      amount: order.total,
      currency: 'EUR',
      transaction: `txn_${order.number}`,
    })
    authorized.assertStatus(200)
    const waiting = await paymentRecord(order.id)
    assert.deepEqual(waiting.order, ['pending_payment', 'authorized', false])
    assert.deepEqual(waiting.events, [['evt_auth', 'authorized', 'authorized']])
    assert.deepEqual(waiting.invoices, [])

    // Past its hour, the order is no longer waiting for the shopper: it stays.
    const window = await app.container.make(PaymentWindow)
    assert.deepEqual(await window.cancelOverdue(DateTime.now().plus({ hours: 2 })), [])
    assert.deepEqual(await paymentRecord(order.id), waiting)
    // The shopper back from the PSP sees the confirmation, not the waiting page.
    const back = await backFromPsp(client, order.number)
    back.assertHeader('location', `/checkout/confirmation/${order.number}`)

    const owner = await AdminUserFactory.create()
    const page = await client.get(`/admin/orders/${order.id}`).loginAs(owner)
    assert.include(page.text(), `action="/admin/orders/${order.id}/capture"`)
    const support = await AdminUserFactory.apply('support').create()
    const forbidden = await client
      .post(`/admin/orders/${order.id}/capture`)
      .loginAs(support)
      .withCsrfToken()
      .redirects(0)
    forbidden.assertStatus(403)
    assert.lengthOf(psp.captures, 0)

    const captured = await client
      .post(`/admin/orders/${order.id}/capture`)
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    captured.assertHeader('location', `/admin/orders/${order.id}`)
    captured.assertFlashMessage(
      'success',
      `Paiement de la commande ${order.number} encaissé, facture émise.`
    )
    const payment = await Payment.findByOrFail('order_id', order.id)
    assert.deepEqual(psp.captures, [
      {
        reference: order.number,
        amount: { amount: order.total, currency: 'EUR' },
        key: `capture-${payment.id}`,
      },
    ])
    const paid = await paymentRecord(order.id)
    assert.deepEqual(paid.order, ['paid', 'captured', true])
    assert.deepEqual(paid.transitions.slice(-2), [
      ['pending', 'authorized', 'provider:test-card', 'evt_auth'],
      ['authorized', 'captured', owner.fullName, null],
    ])
    assert.deepEqual(paid.invoices, [`FA-${documentYear()}-000001`])

    const twice = await client
      .post(`/admin/orders/${order.id}/capture`)
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    twice.assertFlashMessage(
      'error',
      `La commande ${order.number} n'a pas de paiement autorisé à encaisser.`
    )
    assert.lengthOf(psp.captures, 1)
    assert.deepEqual(await paymentRecord(order.id), paid)
    await runQueuedJobsNow()
    assert.lengthOf(mail.ofKind('payment_received'), 1)
  })

  test('an authorization the PSP voids (expired, cancelled there) cancels the order and frees its stock', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    await testPsp(cleanup)
    const variantId = await productOnSale(catalog, 'CB-6', { priceAmount: 2000, quantity: 5 })
    const order = await placeOrder([{ variantId, quantity: 2 }], {
      checkout: { payment: TEST_PSP.code },
    })
    const event = { order: order.number, amount: order.total, currency: 'EUR' }
    await notifyPsp(client, { ...event, id: 'evt_auth', type: 'authorized' })
    // A refusal of an earlier attempt, delivered late, does not end the authorization.
    const declined = await notifyPsp(client, { ...event, id: 'evt_declined', type: 'failed' })
    declined.assertStatus(200)
    assert.deepEqual(await paymentState(order.id), ['pending_payment', 'authorized', false])

    const voided = await notifyPsp(client, { ...event, id: 'evt_void', type: 'cancelled' })
    voided.assertStatus(200)
    const record = await paymentRecord(order.id)
    assert.deepEqual(record.order, ['cancelled', 'cancelled', false])
    assert.deepEqual(record.transitions.at(-1), [
      'authorized',
      'cancelled',
      'provider:test-card',
      'evt_void',
    ])
    assert.deepEqual(record.events.at(-1), ['evt_void', 'cancelled', 'cancelled'])
    assert.equal(await stockOf(variantId), 5)
  })

  test("I-04: the PSP's refunded event settles the shop's pending refund; one made elsewhere is noted", async ({
    assert,
    client,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const psp = await testPsp(cleanup)
    shortRefundTimeout(cleanup)
    const variantId = await productOnSale(catalog, 'CB-5', { priceAmount: 2000, quantity: 5 })
    const order = await placeOrder([{ variantId, quantity: 2 }], {
      checkout: { payment: TEST_PSP.code },
    })
    await notifyPsp(client, {
      id: 'evt_paid',
      type: 'captured',
      order: order.number,
      amount: order.total,
      currency: 'EUR',
    })

    // The PSP takes the refund but does not answer in time: it stays pending.
    let answer: (amount: Amount) => Promise<RefundResult> = () => new Promise(() => {})
    psp.refundAnswer = (amount) => answer(amount)
    const [line] = await OrderLine.query().where('order_id', order.id)
    const refunds = await app.container.make(OrderRefunds)
    const outcome = await refunds.refund(
      order.id,
      {
        credit: { lines: [{ orderLineId: line.id, quantity: 1 }] },
        reason: 'Taille',
        mode: 'provider',
      },
      STAFF
    )
    assert.deepEqual(outcome, { kind: 'refused', reason: 'provider_no_answer' })
    const pending = await Refund.findByOrFail('order_id', order.id)
    assert.equal(pending.status, 'pending')

    answer = async (amount) => ({ kind: 'refunded', refundId: 're_1', amount })
    const refunded = {
      id: 'evt_refund_1',
      type: 'refunded' as const,
      order: order.number,
      currency: 'EUR',
      refunds: [{ id: 're_1', amount: 2000 }],
    }
    const settled = await notifyPsp(client, refunded)
    settled.assertStatus(200)
    await pending.refresh()
    assert.deepEqual(
      [pending.status, pending.providerRefundId, pending.amount],
      ['completed', 're_1', 2000]
    )
    // Asked again under the same key: the PSP refunded once.
    assert.deepEqual(
      psp.refunds.map((call) => call.key),
      [pending.idempotencyKey, pending.idempotencyKey]
    )
    const creditNotes = await Invoice.query()
      .where('order_id', order.id)
      .where('kind', 'credit_note')
    assert.deepEqual(
      creditNotes.map((note) => [note.number, note.totalGross]),
      [[`AV-${documentYear()}-000001`, 2000]]
    )
    const payment = await Payment.findByOrFail('order_id', order.id)
    assert.deepEqual([payment.status, payment.refundedAmount], ['partially_refunded', 2000])

    // Later the PSP lists another refund, made from its dashboard; each later
    // event lists every refund of the payment again (I-04: a credit note
    // recorded twice could never be deleted).
    const outside = {
      ...refunded,
      id: 'evt_refund_2',
      refunds: [...refunded.refunds, { id: 're_dash', amount: 500 }],
    }
    const later = {
      ...outside,
      id: 'evt_refund_3',
      refunds: [...outside.refunds, { id: 're_dash_2', amount: 300 }],
    }
    for (const delivery of [outside, outside, later]) {
      const acknowledged = await notifyPsp(client, delivery)
      acknowledged.assertStatus(200)
    }
    const payments = await OrderEvent.query().where('order_id', order.id).where('type', 'payment')
    const notes = payments.map((event) => event.note ?? '')
    assert.deepEqual(
      notes.map((note) => note.split(' ')[1]),
      ['re_dash', 're_dash_2'],
      'each noted once, however often it is listed'
    )
    assert.include(notes[0], 'made outside the shop')
    assert.equal(await countRows('refunds', { order_id: order.id }), 1)
    assert.lengthOf(
      await Invoice.query().where('order_id', order.id).where('kind', 'credit_note'),
      1
    )
    const { events } = await paymentRecord(order.id)
    assert.deepEqual(events, [
      ['evt_paid', 'captured', 'paid'],
      ['evt_refund_1', 'refunded', 'refunds'],
      ['refund:re_dash', 'refunded', 'refunds'],
      ['evt_refund_2', 'refunded', 'refunds'],
      ['refund:re_dash_2', 'refunded', 'refunds'],
      ['evt_refund_3', 'refunded', 'refunds'],
    ])
  })
})
