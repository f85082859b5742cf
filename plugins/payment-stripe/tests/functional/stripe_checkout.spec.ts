import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CARDS, type StripeEmulator } from '#tests/helpers/stripe_emulator'
import { kit, stripeShop } from '#tests/helpers/stripe_plugin'

/**
 * Paying by Stripe through the shop's real tunnel and completion path: the
 * order placed over HTTP, Stripe's answers from the emulator through the
 * official SDK, webhooks posted to /payments/stripe/notifications and the
 * shopper's return on the core's return URL.
 */

type Cleanup = (handler: () => Promise<void> | void) => void

interface PlacedOrder {
  id: number
  number: string
  total: number
  sessionId: string
  /** The browser session that placed the order, which may see its pages. */
  session: ReturnType<ApiResponse['session']>
}

/** A shop with Stripe, a product at 29,90 € and its variant's id. */
async function shop(cleanup: Cleanup, settings: Record<string, unknown> = {}) {
  const mail = kit.fakeMail(cleanup)
  const stripe = await stripeShop(cleanup, settings)
  const variantId = await kit.productOnSale(stripe.catalog, `STR-${randomUUID().slice(0, 6)}`, {
    priceAmount: 2990,
    quantity: 5,
  })
  return { ...stripe, mail, variantId }
}

/** Places a cart's order with Stripe from the review step; the shop sends it to Stripe's page. */
async function placeWithStripe(
  client: ApiClient,
  emulator: StripeEmulator,
  variantId: number
): Promise<PlacedOrder> {
  const cart = await kit.cartReadyToOrder([{ variantId, quantity: 2 }], { payment: 'stripe' })
  const review = await client.get('/checkout/review').withCookie('cart', cart.token)
  const total = /name="expected_total" value="(\d+)"/.exec(review.text())![1]
  const placed = await client
    .post('/checkout/orders')
    .withCookie('cart', cart.token)
    .form({ expected_total: total, accept_terms: 'true' })
    .withCsrfToken()
    .redirects(0)
  placed.assertStatus(302)
  const location = placed.header('location') ?? ''
  const order = await db.from('orders').orderBy('id', 'desc').firstOrFail()
  const sessionId = location.replace(`${emulator.baseUrl}/pay/`, '')
  if (!emulator.sessions.has(sessionId)) throw new Error(`not sent to Stripe: ${location}`)
  return {
    id: order.id,
    number: order.number,
    total: Number(total),
    sessionId,
    session: placed.session(),
  }
}

/** The shopper's browser back on the return URL Stripe sends it to. */
function returnFromStripe(client: ApiClient, order: PlacedOrder) {
  return client
    .get(`/checkout/payments/${order.number}/return`)
    .qs({ session_id: order.sessionId })
    .withSession(order.session)
    .redirects(0)
}

/** A shop with Stripe and an order paid on Stripe's page; its webhook sent unless told not to. */
async function paidOrder(client: ApiClient, cleanup: Cleanup, webhooks = true) {
  const { emulator, mail, variantId } = await shop(cleanup)
  emulator.autoWebhooks = webhooks
  const order = await placeWithStripe(client, emulator, variantId)
  const { event } = await emulator.pay(order.sessionId, { number: CARDS.success })
  /** The order e-mails sent once the queue has run: one « paiement reçu » at most, ever. */
  const paymentMails = async () => {
    await kit.runQueuedJobsNow()
    return mail.ofKind('payment_received').length
  }
  return { emulator, order, event: event!, paymentMails }
}

async function invoicesOf(orderId: number, kind: 'invoice' | 'credit_note') {
  const rows = await db.from('invoices').where({ order_id: orderId, kind }).orderBy('id')
  return rows.map((row) => Number(row.total_gross))
}

test.group('Stripe Checkout through the shop', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('I-01: notification before return: paid once, the return lands on the confirmation', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator, mail, variantId } = await shop(cleanup)
    const order = await placeWithStripe(client, emulator, variantId)
    const session = emulator.sessions.get(order.sessionId)!
    // P-08: Stripe is asked for the order total accepted on the review page, nothing more.
    assert.equal(session.amount_total, order.total)
    assert.equal(session.client_reference_id, order.number)
    assert.equal(
      session.success_url,
      `${process.env.APP_URL}/checkout/payments/${order.number}/return?session_id={CHECKOUT_SESSION_ID}`
    )

    const paid = await emulator.pay(order.sessionId, { number: CARDS.success })
    assert.deepEqual(emulator.deliveries, [{ eventId: paid.event!.id, status: 200 }])
    const back = await returnFromStripe(client, order)

    back.assertHeader('location', `/checkout/confirmation/${order.number}`)
    const record = await kit.paymentRecord(order.id)
    assert.deepEqual(record.order, ['paid', 'captured', true])
    assert.deepEqual(record.events, [[paid.event!.id, 'captured', 'paid']])
    assert.lengthOf(record.invoices, 1)
    await kit.runQueuedJobsNow()
    assert.lengthOf(mail.ofKind('payment_received'), 1)
  })

  test('return before notification: the return pays, the late webhook changes nothing', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator, order, event, paymentMails } = await paidOrder(client, cleanup, false)

    const back = await returnFromStripe(client, order)
    back.assertHeader('location', `/checkout/confirmation/${order.number}`)
    const afterReturn = await kit.paymentRecord(order.id)
    assert.deepEqual(afterReturn.order, ['paid', 'captured', true])

    assert.equal(await emulator.deliver(event), 200)
    const afterWebhook = await kit.paymentRecord(order.id)
    assert.deepEqual(afterWebhook.transitions, afterReturn.transitions)
    assert.deepEqual(afterWebhook.invoices, afterReturn.invoices)
    assert.equal(await paymentMails(), 1)
  })

  test('I-01: 20 deliveries of the event and the return at once: one payment, invoice and e-mail', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator, order, event, paymentMails } = await paidOrder(client, cleanup, false)

    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => emulator.deliver(event)),
      returnFromStripe(client, order).then((response) => response.status()),
    ])

    assert.deepEqual(answers.slice(0, 20), Array(20).fill(200))
    assert.equal(answers[20], 302)
    const record = await kit.paymentRecord(order.id)
    assert.deepEqual(record.order, ['paid', 'captured', true])
    assert.lengthOf(
      record.transitions.filter(([, to]) => to === 'captured'),
      1,
      'exactly one paid transition'
    )
    assert.lengthOf(record.invoices, 1)
    assert.lengthOf(record.events, 1)

    // A replay hours later (Stripe retries, or someone resends it) changes nothing.
    assert.equal(await emulator.deliver(event), 200)
    assert.deepEqual(await kit.paymentRecord(order.id), record)
    assert.equal(await paymentMails(), 1)
  })

  test('a bad signature is answered 400 and changes nothing', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator, order, event } = await paidOrder(client, cleanup, false)
    const before = await kit.paymentRecord(order.id)

    assert.equal(await emulator.deliver(event, { secret: 'whsec_not_the_shops' }), 400)
    assert.equal(await emulator.deliver(event, { signature: 't=1,v1=00' }), 400)

    assert.deepEqual(await kit.paymentRecord(order.id), before)
    assert.deepEqual(before.order, ['pending_payment', 'pending', false])
  })

  test('P-08: Stripe taking another amount puts the order on hold, not paid', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator, variantId } = await shop(cleanup)
    const order = await placeWithStripe(client, emulator, variantId)
    emulator.chargeAmountOverride = order.total - 100

    await emulator.pay(order.sessionId, { number: CARDS.success })

    const record = await kit.paymentRecord(order.id)
    assert.deepEqual(record.order, ['on_hold', 'pending', false])
    assert.deepEqual(record.invoices, [])
    const note = await db
      .from('order_events')
      .where('order_id', order.id)
      .where('note', 'like', 'amount mismatch%')
      .first()
    assert.include(note.note, `stripe reports ${order.total - 100} EUR for ${order.total} EUR`)
  })

  test('I-04: partial then full refund from the admin: two credit notes, keys seen by Stripe', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator, order } = await paidOrder(client, cleanup)
    const owner = await kit.AdminUserFactory.create()

    const refund = (amount: string, requestKey: string) =>
      client
        .post(`/admin/orders/${order.id}/refunds`)
        .form({ amount, reason: 'Geste commercial', mode: 'provider', request_key: requestKey })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    const firstKey = randomUUID()
    const partial = await refund('15,00', firstKey)
    partial.assertFlashMessage(
      'success',
      `Remboursement de la commande ${order.number} enregistré, avoir émis.`
    )
    // The same form sent twice (a double click) is one refund.
    await refund('15,00', firstKey)
    assert.deepEqual(await invoicesOf(order.id, 'credit_note'), [1500])
    let record = await kit.paymentRecord(order.id)
    assert.equal(record.payments.at(-1)![0], 'partially_refunded')

    const rest = ((order.total - 1500) / 100).toFixed(2).replace('.', ',')
    await refund(rest, randomUUID())
    assert.deepEqual(await invoicesOf(order.id, 'credit_note'), [1500, order.total - 1500])
    record = await kit.paymentRecord(order.id)
    assert.equal(record.payments.at(-1)![0], 'refunded')

    const calls = emulator.requestsTo('POST', '/v1/refunds')
    assert.equal(emulator.refunds.size, 2)
    // The double click never reached Stripe; each refund went with its own key.
    assert.deepEqual(
      calls.map((call) => call.params.amount),
      ['1500', String(order.total - 1500)]
    )
    assert.isString(calls[0].idempotencyKey)
    assert.isString(calls[1].idempotencyKey)
    assert.notEqual(calls[0].idempotencyKey, calls[1].idempotencyKey)

    // Stripe's charge.refunded lists both refunds: they are the shop's own, nothing new.
    const eventsBefore = await db.from('order_events').where('order_id', order.id).count('* as n')
    assert.equal(await emulator.deliver(emulator.lastEvent('charge.refunded')!), 200)
    const eventsAfter = await db.from('order_events').where('order_id', order.id).count('* as n')
    assert.equal(Number(eventsAfter[0].n), Number(eventsBefore[0].n))
    assert.deepEqual(await invoicesOf(order.id, 'credit_note'), [1500, order.total - 1500])
  })

  test('an expired session cancels the order and releases its stock', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator, variantId } = await shop(cleanup)
    const stockBefore = await kit.stockOf(variantId)
    const order = await placeWithStripe(client, emulator, variantId)
    assert.equal(await kit.stockOf(variantId), stockBefore - 2)

    assert.equal(await emulator.deliver(emulator.expire(order.sessionId)), 200)

    const record = await kit.paymentRecord(order.id)
    assert.deepEqual(record.order, ['cancelled', 'cancelled', false])
    assert.equal(await kit.stockOf(variantId), stockBefore)
  })

  test('manual capture: authorized at payment, captured from the admin with its key', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator, mail, variantId } = await shop(cleanup, { capture: 'manual' })
    const order = await placeWithStripe(client, emulator, variantId)
    await emulator.pay(order.sessionId, { number: CARDS.success })
    const authorized = await kit.paymentRecord(order.id)
    assert.deepEqual(authorized.order, ['pending_payment', 'authorized', false])
    assert.deepEqual(authorized.invoices, [])

    const owner = await kit.AdminUserFactory.create()
    const captured = await client
      .post(`/admin/orders/${order.id}/capture`)
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    captured.assertFlashMessage(
      'success',
      `Paiement de la commande ${order.number} encaissé, facture émise.`
    )

    const paid = await kit.paymentRecord(order.id)
    assert.deepEqual(paid.order, ['paid', 'captured', true])
    assert.lengthOf(paid.invoices, 1)
    const [capture] = emulator.requestsTo('POST', /^\/v1\/payment_intents\/pi_\w+\/capture$/)
    assert.equal(capture.params.amount_to_capture, String(order.total))
    assert.match(capture.idempotencyKey!, /^capture-\d+$/)
    const intent = [...emulator.paymentIntents.values()][0]
    assert.equal(intent.status, 'succeeded')
    await kit.runQueuedJobsNow()
    assert.lengthOf(mail.ofKind('payment_received'), 1)
  })

  test('an authorization Stripe cancels after 7 days cancels the order and releases its stock', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator, variantId } = await shop(cleanup, { capture: 'manual' })
    const stockBefore = await kit.stockOf(variantId)
    const order = await placeWithStripe(client, emulator, variantId)
    await emulator.pay(order.sessionId, { number: CARDS.success })
    const [intent] = [...emulator.paymentIntents.values()]

    assert.equal(await emulator.deliver(emulator.cancelAuthorization(intent.id)), 200)

    const record = await kit.paymentRecord(order.id)
    assert.deepEqual(record.order, ['cancelled', 'cancelled', false])
    assert.equal(await kit.stockOf(variantId), stockBefore)
    // The event was re-read from the API, not trusted as sent.
    assert.isAtLeast(emulator.requestsTo('GET', `/v1/payment_intents/${intent.id}`).length, 1)
  })

  test('a signed-in customer saves a card at Stripe and finds it on the account page', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator, variantId } = await shop(cleanup)
    const [customer] = await kit.CustomerFactory.createMany(1)
    const cart = await kit.cartReadyToOrder([{ variantId, quantity: 1 }], {
      payment: 'stripe',
      email: customer.email,
    })
    const review = await client
      .get('/checkout/review')
      .withCookie('cart', cart.token)
      .withGuard('customer')
      .loginAs(customer)
    const total = /name="expected_total" value="(\d+)"/.exec(review.text())![1]
    const placed = await client
      .post('/checkout/orders')
      .withCookie('cart', cart.token)
      .form({ expected_total: total, accept_terms: 'true' })
      .withGuard('customer')
      .loginAs(customer)
      .withCsrfToken()
      .redirects(0)
    const sessionId = (placed.header('location') ?? '').split('/pay/')[1]
    const session = emulator.sessions.get(sessionId)!
    assert.match(session.customer, /^cus_/)
    assert.deepEqual(session.saved_payment_method_options, { payment_method_save: 'enabled' })

    await emulator.pay(sessionId, { number: CARDS.success, save: true })

    const account = await client.get('/account').withGuard('customer').loginAs(customer)
    assert.include(account.text(), 'Visa se terminant par 4242')
    const [card] = [...emulator.paymentMethods.values()]
    const removed = await client
      .post(`/plugins/payment-stripe/cards/${card.id}/remove`)
      .withGuard('customer')
      .loginAs(customer)
      .withCsrfToken()
      .redirects(0)
    removed.assertFlashMessage('notice', 'La carte a été supprimée.')
    const after = await client.get('/account').withGuard('customer').loginAs(customer)
    assert.notInclude(after.text(), 'Visa se terminant par 4242')
  })
})
