import type { ApiClient } from '@japa/api-client'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { CustomerFactory } from '#database/factories/customer_factory'
import OrderEvent from '#models/order_event'
import Withdrawal from '#models/withdrawal'
import { formatStatementTime } from '#services/withdrawals/withdrawal_statement'
import { formatCalendarDay } from '#support/calendar_days'
import { trackingUrl } from '#support/order_access'
import ShipmentService from '#services/orders/shipment_service'
import { checkoutShop, productOnSale, statusOf, stockOf } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import {
  deliveredOrder,
  customerOrderInTwoParcels,
  orderWithException,
  parisToday,
  readable,
  STAFF,
  textOf,
  twoLineOrder,
  withdraw,
} from '#tests/helpers/withdrawals'

/** The fields of step 1 as the form posts them: the given lines ticked, all their units. */
function statementForm(
  lines: { id: number; quantity?: number }[],
  details: { name?: string; email?: string; reason?: string } = {}
) {
  const form: Record<string, string> = {
    consumer_name: details.name ?? 'Claire Martin',
    email: details.email ?? 'claire@example.fr',
    reason: details.reason ?? '',
  }
  lines.forEach((line, index) => {
    form[`lines[${index}][order_line_id]`] = String(line.id)
    form[`lines[${index}][selected]`] = '1'
    if (line.quantity) form[`lines[${index}][quantity]`] = String(line.quantity)
  })
  return form
}

/** Step 2's button, for the session that may see the order: one unit of one line. */
function confirm(
  client: ApiClient,
  number: string,
  session: { placed_orders: string[] },
  orderLineId: number
) {
  return client
    .post(`/orders/${number}/withdrawal/confirmation`)
    .withSession(session)
    .form(statementForm([{ id: orderLineId }]))
    .withCsrfToken()
    .redirects(0)
}

test.group('Withdrawal function (storefront)', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('TC-21 / WF-03 to WF-06: a signed-in customer withdraws one line in two steps and gets the acknowledgement', async ({
    client,
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const { customer, order, lines, lastDay } = await customerOrderInTwoParcels(catalog, 2)
    // The statement names another address than the order's: the acknowledgement goes there (WF-04).
    const claire = { name: 'Claire Vuillet', email: 'claire.perso@example.fr' }

    // The order page: the deadline as a day, and the button (WF-02, WF-03).
    const page = await client.get(`/orders/${order.number}`).withGuard('customer').loginAs(customer)
    page.assertStatus(200)
    const text = readable(page.text())
    assert.include(
      text,
      `Vous pouvez vous rétracter jusqu'au ${formatCalendarDay(lastDay, 'fr')} inclus.`
    )
    assert.include(text, 'Renoncer au contrat ici')

    // Step 1: name, order, items and e-mail prefilled, the reason optional (WF-04).
    const form = await client
      .get(`/orders/${order.number}/withdrawal`)
      .withGuard('customer')
      .loginAs(customer)
    form.assertStatus(200)
    const formText = readable(form.text())
    assert.include(formText, 'value="Claire Vuillet"')
    assert.include(formText, 'value="claire.vuillet@example.fr"')
    assert.include(formText, order.number)
    assert.include(formText, 'Sabot MAR-39')
    assert.include(formText, 'Facultatif')

    // Step 2 repeats the statement; nothing is recorded yet (WF-05).
    const review = await client
      .post(`/orders/${order.number}/withdrawal`)
      .withGuard('customer')
      .loginAs(customer)
      .form(statementForm([{ id: lines[1].id }], claire))
      .withCsrfToken()
    review.assertStatus(200)
    const reviewText = readable(review.text())
    assert.include(reviewText, 'Confirmer la rétractation')
    assert.include(reviewText, '2 × Sabot CIRE-1')
    assert.notInclude(reviewText, 'Sabot MAR-39')
    assert.equal(await countRows('withdrawals'), 0)

    const before = DateTime.now().startOf('second')
    const confirmed = await client
      .post(`/orders/${order.number}/withdrawal/confirmation`)
      .withGuard('customer')
      .loginAs(customer)
      .form(statementForm([{ id: lines[1].id, quantity: 2 }], claire))
      .withCsrfToken()
      .redirects(0)
    confirmed.assertStatus(302)
    confirmed.assertHeader('location', `/orders/${order.number}`)

    const withdrawal = await Withdrawal.query().preload('lines').firstOrFail()
    assert.equal(withdrawal.channel, 'online')
    assert.equal(withdrawal.consumerName, 'Claire Vuillet')
    assert.isAtLeast(withdrawal.sentAt.toMillis(), before.toMillis())
    assert.isAtMost(withdrawal.sentAt.toMillis(), DateTime.now().toMillis())
    assert.equal(withdrawal.notifiedOn.toISODate(), parisToday())
    assert.equal(withdrawal.periodLastDay?.toISODate(), lastDay)
    assert.deepEqual(
      withdrawal.lines.map((line) => [line.orderLineId, line.quantity]),
      [[lines[1].id, 2]]
    )
    const sentAt = formatStatementTime(withdrawal.sentAt, 'fr')
    confirmed.assertFlashMessage(
      'notice',
      `Votre rétractation a été enregistrée le ${sentAt} (heure de Paris). Un accusé de réception part à l'adresse claire.perso@example.fr.`
    )
    assert.match(sentAt, /\d{2}:\d{2}:\d{2}$/)

    // The acknowledgement, on a durable medium, with the statement and its date and time (WF-06).
    await runQueuedJobsNow()
    const [acknowledgement] = messages.ofKind('withdrawal_acknowledgement')
    assert.notEqual(order.email, claire.email)
    acknowledgement.assertTo('claire.perso@example.fr')
    acknowledgement.assertSubject(
      `Accusé de réception de votre rétractation – commande ${order.number} – Comptoir`
    )
    acknowledgement.assertTextIncludes(`Rétractation faite en ligne le ${sentAt} (heure de Paris).`)
    acknowledgement.assertTextIncludes(
      'Je vous notifie par la présente ma rétractation du contrat portant sur la vente des biens ci-dessous :'
    )
    acknowledgement.assertTextIncludes('- 2 × Sabot CIRE-1 (CIRE-1)')
    acknowledgement.assertTextIncludes('Nom : Claire Vuillet')
    acknowledgement.assertTextIncludes(`Commande : n° ${order.number}`)
    acknowledgement.assertTextIncludes('Motif : Aucun motif indiqué')
    acknowledgement.assertHtmlIncludes('Claire Vuillet')
    const note = await OrderEvent.query()
      .where('order_id', order.id)
      .where('type', 'email')
      .where('note', 'withdrawal_acknowledgement sent to claire.perso@example.fr')
      .first()
    assert.isNotNull(note)

    // The order page now shows the statement, and offers the units left only.
    const after = await textOf(
      client.get(`/orders/${order.number}`).withGuard('customer').loginAs(customer)
    )
    assert.include(after, `Rétractation n° ${withdrawal.id} du ${sentAt}`)
    const again = await textOf(
      client.get(`/orders/${order.number}/withdrawal`).withGuard('customer').loginAs(customer)
    )
    assert.include(again, 'Sabot MAR-39')
    assert.notInclude(again, 'withdraw-line-' + lines[1].id)
  }).timeout(60_000)

  test('WF-01: a guest holding the signed tracking link withdraws; a stranger gets 404', async ({
    client,
    assert,
    cleanup,
  }) => {
    fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'G-1', { priceAmount: 3000 })
    const { order, lines } = await deliveredOrder(
      [{ variantId, quantity: 1 }],
      [{ lines: [0], deliveredOn: parisToday(-1) }],
      { checkout: { email: 'guest@example.fr' } }
    )

    for (const request of [
      client.get(`/orders/${order.number}/withdrawal`),
      client
        .post(`/orders/${order.number}/withdrawal`)
        .form(statementForm([{ id: lines[0].id }]))
        .withCsrfToken(),
      client
        .post(`/orders/${order.number}/withdrawal/confirmation`)
        .form(statementForm([{ id: lines[0].id }]))
        .withCsrfToken(),
    ]) {
      const refused = await request
      refused.assertStatus(404)
    }
    const stranger = await CustomerFactory.create()
    const signedIn = await client
      .get(`/orders/${order.number}/withdrawal`)
      .withGuard('customer')
      .loginAs(stranger)
    signedIn.assertStatus(404)

    // The signed link opens the order page, which lets this browser go on.
    const link = new URL(trackingUrl(order))
    const tracking = await client.get(link.pathname + link.search)
    tracking.assertStatus(200)
    assert.include(readable(tracking.text()), 'Renoncer au contrat ici')
    const session = { placed_orders: tracking.session('placed_orders') }
    assert.deepEqual(session.placed_orders, [order.number])

    const form = await client.get(`/orders/${order.number}/withdrawal`).withSession(session)
    form.assertStatus(200)
    assert.include(readable(form.text()), 'value="Claire Martin"')
    const confirmed = await confirm(client, order.number, session, lines[0].id)
    confirmed.assertHeader('location', `/orders/${order.number}`)
    const withdrawal = await Withdrawal.query().preload('lines').firstOrFail()
    assert.equal(withdrawal.orderId, order.id)
    assert.deepEqual(
      withdrawal.lines.map((line) => line.quantity),
      [1]
    )
  }).timeout(60_000)

  test('W-06 / TC-02: a late attempt is refused with the deadline that passed', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    // Parcels received Tue 3 and Sat 7 March 2026: day 14 is Sat 21 March → Mon 23 March.
    const { order, lines } = await twoLineOrder(
      catalog,
      ['L-1', 'L-2'],
      [
        { lines: [0], deliveredOn: '2026-03-03' },
        { lines: [1], deliveredOn: '2026-03-07' },
      ]
    )
    const session = { placed_orders: [order.number] }

    const page = await textOf(client.get(`/orders/${order.number}`).withSession(session))
    assert.include(page, 'Le délai de rétractation a pris fin le lundi 23 mars 2026.')
    assert.notInclude(page, 'Renoncer au contrat ici')

    const form = await client.get(`/orders/${order.number}/withdrawal`).withSession(session)
    form.assertStatus(200)
    assert.include(
      readable(form.text()),
      'Le délai de rétractation de cette commande a pris fin le lundi 23 mars 2026 à minuit (heure de Paris)'
    )
    assert.notInclude(form.text(), 'name="consumer_name"')

    const late = await confirm(client, order.number, session, lines[0].id)
    late.assertHeader('location', `/orders/${order.number}/withdrawal`)
    late.assertFlashMessage(
      'error',
      'Le délai de rétractation a pris fin le lundi 23 mars 2026 : la déclaration est arrivée trop tard pour être enregistrée.'
    )
    assert.isNull(await Withdrawal.first())
  }).timeout(60_000)

  test('W-18 / TC-16, TC-17: a line excepted before ordering is not offered; an exception never shown is', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { order, lines } = await orderWithException(
      catalog,
      { name: 'Bague gravée', sku: 'RING-1', price: 12_000, exception: 'custom_made' },
      { sku: 'CLOG-1', price: 4000 }
    )
    assert.deepEqual(order.snapshot.withdrawal.exceptions, [
      { sku: 'RING-1', exception: 'custom_made' },
    ])
    const session = { placed_orders: [order.number] }

    const form = await textOf(client.get(`/orders/${order.number}/withdrawal`).withSession(session))
    assert.notInclude(form, `withdraw-line-${lines[0].id}`)
    assert.include(form, `withdraw-line-${lines[1].id}`)
    assert.include(form, 'Bague gravée — Produit personnalisé')

    // Posted anyway, the ring is refused and nothing is recorded.
    const refused = await confirm(client, order.number, session, lines[0].id)
    refused.assertFlashMessage(
      'error',
      "Un des articles choisis ne peut pas (ou plus) faire l'objet d'une rétractation, ou en quantité moindre."
    )
    assert.isNull(await Withdrawal.first())

    // The same exception, never shown before the order, binds nobody (TC-17).
    await db
      .from('orders')
      .where('id', order.id)
      .update({
        snapshot: JSON.stringify({
          ...order.snapshot,
          withdrawal: { ...order.snapshot.withdrawal, exceptions: [] },
        }),
      })
    const offered = await textOf(
      client.get(`/orders/${order.number}/withdrawal`).withSession(session)
    )
    assert.include(offered, `withdraw-line-${lines[0].id}`)
    const recorded = await confirm(client, order.number, session, lines[0].id)
    recorded.assertHeader('location', `/orders/${order.number}`)
    assert.isNotNull(await Withdrawal.first())
  }).timeout(60_000)

  test('W-08: before the last parcel arrives the period has not started, and the consumer may already withdraw', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { order, lines } = await twoLineOrder(
      catalog,
      ['P-1', 'P-2'],
      [
        { lines: [0], deliveredOn: '2026-03-03' },
        { lines: [1], deliveredOn: null },
      ]
    )
    const session = { placed_orders: [order.number] }
    const page = await textOf(client.get(`/orders/${order.number}`).withSession(session))
    assert.include(page, 'Votre délai de rétractation de 14 jours commencera à la réception')
    assert.include(page, 'Renoncer au contrat ici')
    // WF-03: in English, the EU wording.
    const english = await textOf(client.get(`/en/orders/${order.number}`).withSession(session))
    assert.include(english, 'Withdraw from contract here')
    assert.include(english, `action="/en/orders/${order.number}/withdrawal"`)

    const recorded = await confirm(client, order.number, session, lines[0].id)
    recorded.assertHeader('location', `/orders/${order.number}`)
    const withdrawal = await Withdrawal.firstOrFail()
    assert.isNull(withdrawal.periodLastDay)
  }).timeout(60_000)

  test('W-08: units withdrawn before they ship are no longer to ship, and back in stock; the rest still is', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const clog = await productOnSale(catalog, 'P-3', { priceAmount: 3000, quantity: 5 })
    const { order, lines } = await deliveredOrder([{ variantId: clog, quantity: 3 }], [])
    const shipments = await app.container.make(ShipmentService)
    assert.equal(await stockOf(clog), 2)

    await withdraw(order.id, [{ orderLineId: lines[0].id, quantity: 1 }])
    // The unit that will not ship is for sale again; the order still holds the other two.
    assert.equal(await stockOf(clog), 3)
    const held = await db
      .from('order_stock_allocations')
      .where('order_line_id', lines[0].id)
      .whereNull('released_at')
      .sum('quantity as units')
      .first()
    assert.equal(Number(held.units), 2)
    const before = await shipments.remaining(order.id)
    assert.equal(before.get(lines[0].id), 2)
    await shipments.ship(order.id, { lines: [{ orderLineId: lines[0].id, quantity: 2 }] }, STAFF)
    const left = await shipments.remaining(order.id)
    assert.equal(left.get(lines[0].id), 0)
    assert.equal(await statusOf(order.id), 'shipped')
  })
})
