import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { signed } from '#src/signature'
import { CARDS, SystempayEmulator } from '#tests/helpers/systempay_emulator'
import {
  SHOP,
  kit,
  orderAtPaymentPage,
  payWithCard,
  stateOf,
  systempayShop,
} from '#tests/helpers/shop'

/** The held IPN's fields with some changed and signed again with the shop's key (a genuine gateway message). */
function resigned(body: string, changes: Record<string, string>) {
  const fields = Object.fromEntries(new URLSearchParams(body))
  return SystempayEmulator.body(signed({ ...fields, ...changes }, SHOP.testKey))
}

/** A guest paid by card; the gateway's IPN is held back, unsent. */
async function paidWithIpnHeld(cleanup: Parameters<typeof systempayShop>[0]) {
  const { emulator, variantId } = await systempayShop(cleanup)
  emulator.ipnMode = 'hold'
  const { shopper, page, order } = await orderAtPaymentPage(variantId)
  await payWithCard(shopper, page)
  return { emulator, order, ipn: emulator.held[0] }
}

async function count(table: string, where: Record<string, unknown> = {}) {
  const row = await db.from(table).where(where).count('* as total').first()
  return Number(row.total)
}

test.group('Systempay / card payment through the checkout', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('IPN before the return: the order is paid, the shopper lands on the confirmation', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, variantId } = await systempayShop(cleanup)
    const { shopper, placed, form, page, order } = await orderAtPaymentPage(variantId)

    // The shop renders the signed form to the gateway, allowed by its CSP.
    assert.equal(form.action, emulator.paymentPageUrl)
    assert.match(
      placed.headers.get('content-security-policy') ?? '',
      new RegExp(`form-action[^;]*${emulator.origin}`)
    )
    assert.include(page.text, 'Numéro de carte', 'the gateway accepted the signature')
    assert.equal(form.fields.vads_amount, String(order.total))
    assert.equal(form.fields.vads_order_id, order.number)
    assert.equal(
      form.fields.vads_url_check,
      `${new URL(placed.url).origin}/payments/systempay/notifications`
    )

    const back = await payWithCard(shopper, page)
    assert.deepEqual(
      emulator.deliveries.map((delivery) => delivery.status),
      [200]
    )
    const uuid = new URLSearchParams(emulator.deliveries[0].body).get('vads_trans_uuid')
    assert.deepInclude(await stateOf(order.id), {
      status: 'paid',
      paid: true,
      payment: 'captured',
      transactionId: uuid,
      reference: form.fields.vads_trans_id,
      invoices: 1,
    })

    const landing = await shopper.get(back)
    assert.equal(landing.status, 302)
    assert.equal(landing.location, `/checkout/confirmation/${order.number}`)
  })

  test('return before the IPN: the shopper waits, the order is paid only by the IPN', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, variantId } = await systempayShop(cleanup)
    emulator.ipnMode = 'hold'
    const { shopper, page, order } = await orderAtPaymentPage(variantId)
    const back = await payWithCard(shopper, page)

    // The return carries no field (no e-mail or card data in a URL); one the
    // shopper adds is not believed either: only the IPN decides.
    assert.notInclude(back, 'vads_')
    const claimed = `${back}${back.includes('?') ? '&' : '?'}vads_trans_status=AUTHORISED`
    const waiting = await shopper.get(claimed)
    assert.equal(waiting.status, 200)
    assert.include(waiting.text, 'Paiement en cours de confirmation')
    assert.include(waiting.text, order.number)
    assert.deepInclude(await stateOf(order.id), {
      status: 'pending_payment',
      paid: false,
      payment: 'pending',
      invoices: 0,
    })

    assert.deepEqual(await emulator.deliverHeld(), [200])
    assert.deepInclude(await stateOf(order.id), { status: 'paid', payment: 'captured' })
    const again = await shopper.get(back)
    assert.equal(again.location, `/checkout/confirmation/${order.number}`)
  })

  test('20 deliveries of the IPN at once with the return: paid once, one invoice, one e-mail', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, variantId } = await systempayShop(cleanup)
    const mails = kit.fakeMail(cleanup)
    emulator.ipnMode = 'hold'
    const { shopper, page, order } = await orderAtPaymentPage(variantId)
    const back = await payWithCard(shopper, page)
    const [ipn] = emulator.held

    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => emulator.deliver(ipn.url, ipn.body)),
      shopper.get(back).then((landing) => landing.status),
    ])
    assert.deepEqual(answers.slice(0, 20), Array(20).fill(200))
    assert.oneOf(answers[20], [200, 302])

    await kit.runQueuedJobsNow()
    const state = await stateOf(order.id)
    assert.deepInclude(state, { status: 'paid', payment: 'captured', invoices: 1 })
    assert.lengthOf(mails.ofKind('payment_received'), 1)
    assert.equal(await count('payment_events'), 1)
    assert.equal(
      await count('order_events', { order_id: order.id, to_state: 'paid' }),
      1,
      'one paid transition in the timeline'
    )
    assert.equal(await count('payment_transitions', { to_status: 'captured' }), 1)
  })

  test('a replayed IPN changes nothing', async ({ assert, cleanup }) => {
    const { emulator, variantId } = await systempayShop(cleanup)
    const { shopper, page, order } = await orderAtPaymentPage(variantId)
    await payWithCard(shopper, page)
    const before = await stateOf(order.id)
    const events = await count('order_events', { order_id: order.id })

    const [first] = emulator.deliveries
    assert.equal(await emulator.deliver(first.url, first.body), 200)
    assert.equal(await emulator.deliver(first.url, first.body), 200)

    assert.deepEqual(await stateOf(order.id), before)
    assert.equal(await count('order_events', { order_id: order.id }), events)
    assert.equal(await count('payment_events'), 1)
  })

  test('an IPN with a bad signature is refused with 400 and changes nothing', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, order, ipn } = await paidWithIpnHeld(cleanup)
    const forged = new URLSearchParams(ipn.body)
    forged.set('vads_amount', '1')
    const unsigned = new URLSearchParams(ipn.body)
    unsigned.delete('signature')
    const wrongKey = SystempayEmulator.body(
      signed(Object.fromEntries(new URLSearchParams(ipn.body)), 'guessed-key')
    )

    for (const body of [forged.toString(), unsigned.toString(), wrongKey, 'hello']) {
      assert.equal(await emulator.deliver(ipn.url, body), 400)
    }
    assert.deepInclude(await stateOf(order.id), {
      status: 'pending_payment',
      payment: 'pending',
      invoices: 0,
    })
    assert.equal(await count('payment_events'), 0)
  })

  test('a signed IPN for another amount puts the order on hold, unpaid', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, order, ipn } = await paidWithIpnHeld(cleanup)

    const status = await emulator.deliver(ipn.url, resigned(ipn.body, { vads_amount: '100' }))
    assert.equal(status, 200)
    assert.deepInclude(await stateOf(order.id), { status: 'on_hold', paid: false, invoices: 0 })
  })

  test('a refused card cancels the order, frees its stock, and brings the shopper back to review', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, variantId } = await systempayShop(cleanup)
    const stockBefore = await kit.stockOf(variantId)
    const { shopper, page, order } = await orderAtPaymentPage(variantId)
    assert.equal(await kit.stockOf(variantId), stockBefore - 1)

    const back = await payWithCard(shopper, page, CARDS.refused)
    assert.include(
      new URLSearchParams(emulator.deliveries[0].body).get('vads_trans_status')!,
      'REFUSED'
    )
    assert.deepInclude(await stateOf(order.id), {
      status: 'cancelled',
      paid: false,
      payment: 'failed',
    })
    assert.equal(await kit.stockOf(variantId), stockBefore)

    const landing = await shopper.get(back)
    assert.equal(landing.status, 302)
    assert.equal(landing.location, '/checkout/review')
    const review = await shopper.get('/checkout/review')
    assert.equal(review.status, 200)
    assert.include(review.text, 'Le paiement a été refusé')
    assert.include(review.text, 'Sabot SABOT-CB', 'the cart is intact')
  })

  test('the shopper cancels on the payment page: the order is cancelled, the cart kept', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, variantId } = await systempayShop(cleanup)
    const { shopper, page, order } = await orderAtPaymentPage(variantId)
    const cancel = /<form method="POST" action="([^"]+\/cancel)"/.exec(page.text)![1]
    const answer = await shopper.post(new URL(cancel, page.url).href)

    assert.equal(
      new URLSearchParams(emulator.deliveries[0].body).get('vads_trans_status'),
      'ABANDONED'
    )
    assert.equal(new URL(answer.location!).pathname, `/checkout/payments/${order.number}/cancel`)
    const landing = await shopper.get(answer.location!)
    assert.equal(landing.location, '/checkout/review')
    assert.deepInclude(await stateOf(order.id), { status: 'cancelled', payment: 'cancelled' })
  })

  test('partial then full refund through the REST API: two credit notes', async ({
    assert,
    cleanup,
    client,
  }) => {
    const { emulator, variantId } = await systempayShop(cleanup)
    const { shopper, page, order } = await orderAtPaymentPage(variantId)
    await payWithCard(shopper, page)
    emulator.remitToBank()
    const owner = await kit.adminUser(cleanup)

    const adminPage = await client.get(`/admin/orders/${order.id}`).loginAs(owner)
    assert.include(adminPage.text(), 'value="provider"')
    const refund = (form: Record<string, string>) =>
      client
        .post(`/admin/orders/${order.id}/refunds`)
        .form({ reason: 'Geste commercial', mode: 'provider', request_key: randomUUID(), ...form })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)

    const partial = await refund({ amount: '15,00' })
    partial.assertFlashMessage(
      'success',
      `Remboursement de la commande ${order.number} enregistré, avoir émis.`
    )
    const remaining = order.total - 1500
    const full = await refund({ amount: (remaining / 100).toFixed(2).replace('.', ',') })
    full.assertFlashMessage(
      'success',
      `Remboursement de la commande ${order.number} enregistré, avoir émis.`
    )

    const credits = emulator.transactions.filter((t) => t.operationType === 'CREDIT')
    assert.deepEqual(
      credits.map((credit) => credit.amount),
      [1500, remaining]
    )
    const calls = emulator.restRequests.filter((r) => r.service === 'Transaction/CancelOrRefund')
    assert.isTrue(calls.every((call) => call.authorized))
    assert.deepEqual(
      calls.map((call) => [call.body.uuid, call.body.amount, call.body.currency]),
      [
        [credits[0].parentUuid, 1500, 'EUR'],
        [credits[0].parentUuid, remaining, 'EUR'],
      ]
    )
    const keys = calls.map((call) => call.body.metadata.comptoirRefundKey)
    const stored = await db.from('refunds').where('order_id', order.id).orderBy('id')
    assert.deepEqual(
      keys,
      stored.map((row) => row.idempotency_key)
    )
    assert.deepEqual(
      stored.map((row) => row.provider_refund_id),
      credits.map((credit) => credit.uuid)
    )
    const state = await stateOf(order.id)
    assert.deepEqual(state.creditNotes.map(Math.abs), [1500, remaining])
    assert.equal(state.payment, 'refunded')
  })

  test('without REST credentials a refund is recorded by hand only', async ({
    assert,
    cleanup,
    client,
  }) => {
    const { emulator, variantId } = await systempayShop(cleanup, { rest: false })
    const { shopper, page, order } = await orderAtPaymentPage(variantId)
    await payWithCard(shopper, page)
    const owner = await kit.adminUser(cleanup)

    // The order page offers only the manual refund: the provider cannot send money back.
    const orderPage = await client.get(`/admin/orders/${order.id}`).loginAs(owner)
    orderPage.assertStatus(200)
    assert.include(orderPage.text(), 'name="mode" value="manual"')
    assert.notInclude(orderPage.text(), 'name="mode" value="provider"')

    const byCard = await client
      .post(`/admin/orders/${order.id}/refunds`)
      .form({ reason: 'Retour', mode: 'provider', amount: '10', request_key: randomUUID() })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    byCard.assertFlashMessage(
      'error',
      'Ce moyen de paiement ne sait pas rembourser : remboursez le client vous-même (virement, espèces) puis enregistrez un remboursement manuel.'
    )
    const byHand = await client
      .post(`/admin/orders/${order.id}/refunds`)
      .form({ reason: 'Retour', mode: 'manual', amount: '10', request_key: randomUUID() })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    byHand.assertFlashMessage(
      'success',
      `Remboursement de la commande ${order.number} enregistré, avoir émis.`
    )
    assert.lengthOf(emulator.restRequests, 0)
    const { creditNotes } = await stateOf(order.id)
    assert.deepEqual(creditNotes.map(Math.abs), [1000])
  })
})
