import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { Money } from '#domain/money'
import { formatVatRate } from '#domain/vat'
import OrderEvent from '#models/order_event'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import Shipment from '#models/shipment'
import { checkoutShop, placeOrder, productOnSale, statusOf, stockOf } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'

async function statusEvents(orderId: number) {
  const events = await OrderEvent.query()
    .where('order_id', orderId)
    .where('type', 'status')
    .orderBy('id')
  return events.map((event) => [event.fromState, event.toState, event.actor, event.adminUserId])
}

/** A paid order of two lines: 3 units of A-1 and 1 of B-1. */
async function paidOrderOfTwoLines(catalog: Awaited<ReturnType<typeof checkoutShop>>['catalog']) {
  const first = await productOnSale(catalog, 'A-1', { priceAmount: 2000, quantity: 5 })
  const second = await productOnSale(catalog, 'B-1', { priceAmount: 3000, quantity: 5 })
  const order = await placeOrder([
    { variantId: first, quantity: 3 },
    { variantId: second, quantity: 1 },
  ])
  const lines = await OrderLine.query().where('order_id', order.id).orderBy('position')
  return { order, lines }
}

test.group('Back-office order page', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('shows the summary, addresses, lines, VAT per rate, CGV version, payments and timeline', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'MAR-39', { priceAmount: 4990 })
    const order = await placeOrder([{ variantId, quantity: 2 }])
    const owner = await AdminUserFactory.create()

    const response = await client.get(`/admin/orders/${order.id}`).loginAs(owner)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, `Commande ${order.number}`)
    assert.include(html, 'En attente de paiement')
    assert.include(html, 'Paiement attendu')
    assert.include(html, 'claire@example.fr')
    assert.include(html, 'Commande sans compte')
    assert.include(html, '12 rue des Lilas')
    assert.include(html, order.shippingMethodLabel)
    assert.include(html, order.paymentMethodLabel)
    assert.include(html, 'MAR-39')
    assert.include(html, Money.of(order.total, 'EUR').format('fr'))
    assert.include(html, formatVatRate(2000, 'fr'))
    assert.include(html, Money.of(order.snapshot.vat[0].net, 'EUR').format('fr'))
    assert.include(html, Money.of(order.vatTotal, 'EUR').format('fr'))
    assert.include(html, 'href="/pages/cgv/versions/1"')
    assert.include(html, 'Paiement attendu')
    assert.include(html, 'Le client')
    assert.include(html, 'Commande passée')
    // A bank transfer waits to be marked received; unpaid, the order can be cancelled.
    assert.include(html, `action="/admin/orders/${order.id}/payment"`)
    assert.include(html, `action="/admin/orders/${order.id}/cancellation"`)
    assert.notInclude(html, `action="/admin/orders/${order.id}/shipments"`)
    assert.include(html, `action="/admin/orders/${order.id}/notes"`)
  })

  test('a click & collect order shows its pickup point, and is marked paid at the counter', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup, [
      'shipping-click-collect',
      'payment-pay-in-store',
    ])
    const product = await catalog.createProduct({ fr: 'Sabot boutique', en: 'Shop clog' }, [
      {
        sku: 'SHOP-1',
        stock: [{ stockLocationId: catalog.store.id, quantity: 2, safetyThreshold: 0 }],
      },
    ])
    await product.load('variants')
    const order = await placeOrder([{ variantId: product.variants[0].id, quantity: 1 }], {
      checkout: { shipping: 'click-collect', pickupPoint: 'lyon', payment: 'pay-in-store' },
    })
    const owner = await AdminUserFactory.create()

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(owner)
    assert.include(page.text(), 'Point de retrait')
    assert.include(page.text(), `${order.pickupPoint!.name} <small>(lyon)</small>`)
    assert.include(page.text(), order.pickupPoint!.address.lines[0])

    const paid = await client
      .post(`/admin/orders/${order.id}/payment`)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    paid.assertFlashMessage('success', `Commande ${order.number} marquée comme payée.`)
    assert.equal(await statusOf(order.id), 'paid')
  })

  test('marking a bank transfer received moves the order to paid, with who on the timeline', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'P-1')
    const order = await placeOrder([{ variantId, quantity: 1 }])
    const manager = await AdminUserFactory.apply('manager')
      .merge({ fullName: 'Léa Gérante' })
      .create()

    const response = await client
      .post(`/admin/orders/${order.id}/payment`)
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', `/admin/orders/${order.id}`)
    response.assertFlashMessage('success', `Commande ${order.number} marquée comme payée.`)
    await order.refresh()
    assert.equal(order.status, 'paid')
    assert.equal(order.paymentStatus, 'captured')
    const moves = await statusEvents(order.id)
    assert.deepEqual(moves.at(-1), ['pending_payment', 'paid', 'Léa Gérante', manager.id])
    const payment = await Payment.findByOrFail('order_id', order.id)
    const capture = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .where('to_status', 'captured')
      .firstOrFail()
    assert.equal(capture.actor, 'Léa Gérante')

    const again = await client
      .post(`/admin/orders/${order.id}/payment`)
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    again.assertFlashMessage('error', `La commande ${order.number} est déjà payée.`)

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(manager)
    assert.include(page.text(), 'Léa Gérante')
    assert.include(page.text(), 'Paiement reçu')
    // I-01: the invoice issued on payment is linked from the order.
    assert.match(
      page.text(),
      /<a href="\/admin\/orders\/\d+\/invoices\/\d+\.pdf">Facture FA-\d{4}-000001<\/a>/
    )
  })

  test('a payment its provider confirms online is never marked paid by hand', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'P-2')
    const order = await placeOrder([{ variantId, quantity: 1 }])
    // What an online method leaves: an open payment with no instructions to follow.
    await Payment.query().where('order_id', order.id).update({ instructions: null })
    const owner = await AdminUserFactory.create()

    const response = await client
      .post(`/admin/orders/${order.id}/payment`)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)

    response.assertFlashMessage(
      'error',
      `La commande ${order.number} se paie en ligne : son paiement est confirmé par le prestataire, pas à la main.`
    )
    assert.equal(await statusOf(order.id), 'pending_payment')
  })

  test('W-03: shipping part of an order, then the rest, then each parcel delivered', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { order, lines } = await paidOrderOfTwoLines(catalog)
    const owner = await AdminUserFactory.create()
    await client.post(`/admin/orders/${order.id}/payment`).withCsrfToken().loginAs(owner)

    const first = await client
      .post(`/admin/orders/${order.id}/shipments`)
      .form({
        'lines[0][order_line_id]': String(lines[0].id),
        'lines[0][quantity]': '2',
        'lines[1][order_line_id]': String(lines[1].id),
        'lines[1][quantity]': '0',
        'carrier': 'Colissimo',
        'tracking_number': '6A123',
        'tracking_url': 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A123',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    first.assertFlashMessage('success', `Expédition de la commande ${order.number} enregistrée.`)
    assert.equal(await statusOf(order.id), 'partially_shipped')

    const tooMany = await client
      .post(`/admin/orders/${order.id}/shipments`)
      .form({ 'lines[0][order_line_id]': String(lines[0].id), 'lines[0][quantity]': '2' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    tooMany.assertFlashMessage(
      'error',
      `Le colis contient plus d'articles qu'il n'en reste à expédier pour la commande ${order.number}.`
    )

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(owner)
    // What is left is offered by default: 1 unit of A-1 and the B-1.
    assert.include(page.text(), 'name="lines[0][quantity]" type="number" value="1"')
    assert.include(page.text(), 'href="https://www.laposte.fr/outils/suivre-vos-envois?code=6A123"')

    const badLink = await client
      .post(`/admin/orders/${order.id}/shipments`)
      .form({
        'lines[0][order_line_id]': String(lines[0].id),
        'lines[0][quantity]': '1',
        'tracking_url': 'javascript:alert(1)',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    badLink.assertFlashMessage(
      'error',
      'Le formulaire contient des erreurs : corrigez les champs signalés.'
    )
    assert.deepEqual(badLink.flashMessages().inputErrorsBag, {
      tracking_url: ['Saisissez une adresse web complète, commençant par https://.'],
    })
    assert.equal(await countRows('shipments', { order_id: order.id }), 1)

    await client
      .post(`/admin/orders/${order.id}/shipments`)
      .form({
        'lines[0][order_line_id]': String(lines[0].id),
        'lines[0][quantity]': '1',
        'lines[1][order_line_id]': String(lines[1].id),
        'lines[1][quantity]': '1',
      })
      .withCsrfToken()
      .loginAs(owner)
    assert.equal(await statusOf(order.id), 'shipped')

    const [parcel, lastParcel] = await Shipment.query().where('order_id', order.id).orderBy('id')
    const today = DateTime.now().setZone('Europe/Paris')
    const future = await client
      .post(`/admin/orders/${order.id}/shipments/${parcel.id}/delivery`)
      .form({ delivered_on: today.plus({ days: 1 }).toISODate()! })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    future.assertFlashMessage('error', 'La date de livraison ne peut pas être dans le futur.')
    const early = await client
      .post(`/admin/orders/${order.id}/shipments/${parcel.id}/delivery`)
      .form({ delivered_on: today.minus({ days: 1 }).toISODate()! })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    early.assertFlashMessage(
      'error',
      'La date de livraison ne peut pas précéder le départ du colis.'
    )

    await client
      .post(`/admin/orders/${order.id}/shipments/${parcel.id}/delivery`)
      .form({ delivered_on: today.toISODate()! })
      .withCsrfToken()
      .loginAs(owner)
    assert.equal(await statusOf(order.id), 'shipped', 'one parcel is still on its way')
    await parcel.refresh()
    assert.equal(parcel.deliveredAt!.setZone('Europe/Paris').toISODate(), today.toISODate())

    const delivered = await client
      .post(`/admin/orders/${order.id}/shipments/${lastParcel.id}/delivery`)
      .form({ delivered_on: today.toISODate()! })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    delivered.assertFlashMessage('success', `Livraison de la commande ${order.number} enregistrée.`)
    assert.equal(await statusOf(order.id), 'delivered')
    const moves = await statusEvents(order.id)
    assert.deepEqual(
      moves.map(([from, to]) => [from, to]),
      [
        ['pending_payment', 'paid'],
        ['paid', 'partially_shipped'],
        ['partially_shipped', 'shipped'],
        ['shipped', 'delivered'],
      ]
    )
  })

  test('cancelling an unpaid order gives its stock back; a paid one is refused', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'C-1', { quantity: 5 })
    const order = await placeOrder([{ variantId, quantity: 3 }])
    assert.equal(await stockOf(variantId), 2)
    const owner = await AdminUserFactory.create()

    const missingReason = await client
      .post(`/admin/orders/${order.id}/cancellation`)
      .form({ reason: '' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    missingReason.assertFlashMessage(
      'error',
      'Le formulaire contient des erreurs : corrigez les champs signalés.'
    )
    assert.equal(await statusOf(order.id), 'pending_payment')

    const response = await client
      .post(`/admin/orders/${order.id}/cancellation`)
      .form({ reason: 'Doublon de la commande précédente' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)

    response.assertFlashMessage(
      'success',
      `Commande ${order.number} annulée ; son stock est remis en vente.`
    )
    assert.equal(await statusOf(order.id), 'cancelled')
    assert.equal(await stockOf(variantId), 5)
    const note = await OrderEvent.query()
      .where('order_id', order.id)
      .where('type', 'note')
      .firstOrFail()
    assert.equal(note.note, 'Doublon de la commande précédente')
    assert.equal(note.adminUserId, owner.id)

    const paid = await placeOrder([{ variantId, quantity: 1 }])
    await client.post(`/admin/orders/${paid.id}/payment`).withCsrfToken().loginAs(owner)
    const refused = await client
      .post(`/admin/orders/${paid.id}/cancellation`)
      .form({ reason: 'Trop tard' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    refused.assertFlashMessage(
      'error',
      `La commande ${paid.number} n'attend plus de paiement : annulez-la avec remboursement.`
    )
    assert.equal(await statusOf(paid.id), 'paid')
  })

  test('support reads an order and leaves notes, but cannot mark it paid, ship or cancel it', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { order, lines } = await paidOrderOfTwoLines(catalog)
    const support = await AdminUserFactory.apply('support')
      .merge({ fullName: 'Sam Support' })
      .create()

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(support)
    page.assertStatus(200)
    assert.notInclude(page.text(), `action="/admin/orders/${order.id}/payment"`)
    assert.notInclude(page.text(), `action="/admin/orders/${order.id}/shipments"`)
    assert.notInclude(page.text(), `action="/admin/orders/${order.id}/cancellation"`)

    const markPaid = await client
      .post(`/admin/orders/${order.id}/payment`)
      .withCsrfToken()
      .loginAs(support)
    markPaid.assertStatus(403)
    const ship = await client
      .post(`/admin/orders/${order.id}/shipments`)
      .form({ 'lines[0][order_line_id]': String(lines[0].id), 'lines[0][quantity]': '1' })
      .withCsrfToken()
      .loginAs(support)
    ship.assertStatus(403)
    const cancel = await client
      .post(`/admin/orders/${order.id}/cancellation`)
      .form({ reason: 'Le client a changé d’avis' })
      .withCsrfToken()
      .loginAs(support)
    cancel.assertStatus(403)
    const massShip = await client
      .post('/admin/orders/mass-shipments')
      .form({ 'ids[]': String(order.id) })
      .withCsrfToken()
      .loginAs(support)
    massShip.assertStatus(403)
    assert.equal(await statusOf(order.id), 'pending_payment')
    assert.equal(await countRows('shipments'), 0)

    const note = await client
      .post(`/admin/orders/${order.id}/notes`)
      .form({ note: 'Client appelé : livraison après 18 h.' })
      .withCsrfToken()
      .loginAs(support)
      .redirects(0)
    note.assertFlashMessage('success', `Note ajoutée à la commande ${order.number}.`)
    const event = await OrderEvent.query()
      .where('order_id', order.id)
      .where('type', 'note')
      .firstOrFail()
    assert.equal(event.actor, 'Sam Support')
    assert.equal(event.note, 'Client appelé : livraison après 18 h.')
    const after = await client.get(`/admin/orders/${order.id}`).loginAs(support)
    assert.include(after.text(), 'Client appelé : livraison après 18 h.')
  })

  test('ships the ticked orders whole, one parcel each, and says why the others could not', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { order: first } = await paidOrderOfTwoLines(catalog)
    const other = await productOnSale(catalog, 'M-1', { quantity: 5 })
    const second = await placeOrder([{ variantId: other, quantity: 2 }])
    const unpaid = await placeOrder([{ variantId: other, quantity: 1 }])
    const owner = await AdminUserFactory.create()
    for (const order of [first, second]) {
      await client.post(`/admin/orders/${order.id}/payment`).withCsrfToken().loginAs(owner)
    }

    const response = await client
      .post('/admin/orders/mass-shipments')
      .form({ 'ids[]': [String(first.id), String(second.id), String(unpaid.id)], 'carrier': 'DPD' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/admin/orders')
    response.assertFlashMessage('massShip', {
      shipped: [first.number, second.number],
      failed: [
        {
          number: unpaid.number,
          reason: `La commande ${unpaid.number} ne peut pas être expédiée dans son état actuel (elle doit être payée et pas encore entièrement expédiée).`,
        },
      ],
    })
    assert.equal(await statusOf(first.id), 'shipped')
    assert.equal(await statusOf(second.id), 'shipped')
    assert.equal(await statusOf(unpaid.id), 'pending_payment')
    const parcels = await Shipment.query()
      .where('order_id', first.id)
      .preload('lines', (query) => query.orderBy('order_line_id'))
    assert.lengthOf(parcels, 1)
    assert.equal(parcels[0].carrier, 'DPD')
    assert.deepEqual(
      parcels[0].lines.map((line) => line.quantity),
      [3, 1]
    )
  })

  test('sends an order e-mail again, only one the order has been through', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'E-1')
    const order = await placeOrder([{ variantId, quantity: 1 }])
    const support = await AdminUserFactory.apply('support').create()
    const queued = await countRows('queue_jobs')

    const resent = await client
      .post(`/admin/orders/${order.id}/emails`)
      .form({ kind: 'order_confirmation' })
      .withCsrfToken()
      .loginAs(support)
      .redirects(0)
    resent.assertFlashMessage(
      'success',
      `L'e-mail de la commande ${order.number} part dans quelques secondes.`
    )
    assert.equal(await countRows('queue_jobs'), queued + 1)

    const notYet = await client
      .post(`/admin/orders/${order.id}/emails`)
      .form({ kind: 'order_shipped' })
      .withCsrfToken()
      .loginAs(support)
      .redirects(0)
    notYet.assertFlashMessage(
      'error',
      `Cet e-mail ne correspond pas encore à la commande ${order.number}.`
    )
    assert.equal(await countRows('queue_jobs'), queued + 1)
  })

  test('an order that does not exist is a 404', async ({ client }) => {
    const owner = await AdminUserFactory.create()
    const response = await client.get('/admin/orders/999999').loginAs(owner)
    response.assertStatus(404)
    const action = await client.post('/admin/orders/999999/payment').withCsrfToken().loginAs(owner)
    action.assertStatus(404)
  })
})
