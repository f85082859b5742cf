import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { addDays, addMonths } from '@comptoir/contracts/french_calendar'
import { CustomerFactory } from '#database/factories/customer_factory'
import GuaranteeClaim from '#models/guarantee_claim'
import GuaranteeClaimLine from '#models/guarantee_claim_line'
import Order from '#models/order'
import OrderEvent from '#models/order_event'
import Shipment from '#models/shipment'
import { formatCalendarDay } from '#support/calendar_days'
import { trackingUrl } from '#support/order_access'
import { checkoutShop, productOnSale } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import { deliveredOrder, parisToday, readable, textOf } from '#tests/helpers/withdrawals'

const day = (date: string) => formatCalendarDay(date, 'fr')

/** The report form as posted: units of parcel lines ticked, the defect, the remedy chosen. */
function reportForm(
  units: { shipmentId: number; orderLineId: number; quantity?: number }[],
  details: { description?: string; remedy?: string } = {}
) {
  const form: Record<string, string> = {
    description: details.description ?? 'La semelle se décolle au talon.',
    preferred_remedy: details.remedy ?? 'repair',
  }
  units.forEach((unit, index) => {
    form[`lines[${index}][shipment_id]`] = String(unit.shipmentId)
    form[`lines[${index}][order_line_id]`] = String(unit.orderLineId)
    form[`lines[${index}][selected]`] = '1'
    if (unit.quantity) form[`lines[${index}][quantity]`] = String(unit.quantity)
  })
  return form
}

/** The order's parcels, the first delivered first. */
function parcelsOf(order: Order) {
  return Shipment.query().where('order_id', order.id).orderBy('delivered_at').orderBy('id')
}

/** A claim on one unit of a parcel line, resolved by a repair done on `doneOn` (G-03). */
async function repairedOn(parcel: Shipment, line: { id: number }, doneOn: string) {
  const claim = await GuaranteeClaim.create({
    orderId: parcel.orderId,
    status: 'resolved',
    description: 'Couture défaite.',
    preferredRemedy: 'repair',
    acceptedRemedy: 'repair',
    refusalReason: null,
    alternative: null,
    resolution: 'repair',
    closingNote: null,
    requestedOn: DateTime.fromISO(addDays(doneOn, -10)),
    dueOn: DateTime.fromISO(addDays(doneOn, 20)),
    presumed: true,
    settledOn: DateTime.fromISO(doneOn),
  })
  await GuaranteeClaimLine.create({
    guaranteeClaimId: claim.id,
    shipmentId: parcel.id,
    orderLineId: line.id,
    quantity: 1,
    deliveredOn: parcel.deliveredAt!,
  })
}

test.group('Legal guarantee of conformity (storefront)', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('G-01 / G-02 / G-03: a signed-in customer reports a defect from the order page and gets the acknowledgement', async ({
    client,
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const customer = await CustomerFactory.merge({ email: 'claire.vuillet@example.fr' }).create()
    const a = await productOnSale(catalog, 'MAR-39', { priceAmount: 4990 })
    const b = await productOnSale(catalog, 'CIRE-1', { priceAmount: 1290 })
    const firstParcel = parisToday(-40)
    const lastParcel = parisToday(-5)
    const { order, lines } = await deliveredOrder(
      [
        { variantId: a, quantity: 1 },
        { variantId: b, quantity: 2 },
      ],
      [
        { lines: [0], deliveredOn: firstParcel },
        { lines: [1], deliveredOn: lastParcel },
      ],
      { checkout: { email: customer.email } }
    )
    await Order.query().where('id', order.id).update({ customerId: customer.id })
    const [, second] = await parcelsOf(order)

    // The order page: each parcel's guarantee and presumption ends, and the link (G-01, G-02).
    const page = await client.get(`/orders/${order.number}`).withGuard('customer').loginAs(customer)
    page.assertStatus(200)
    const text = readable(page.text())
    assert.include(text, 'Garantie légale de conformité')
    for (const delivered of [firstParcel, lastParcel]) {
      assert.include(text, `Colis livré le ${day(delivered)}`)
      assert.include(text, `Garantie légale jusqu'au ${day(addMonths(delivered, 24))} inclus.`)
      assert.include(
        text,
        `Défaut présumé exister à la livraison s'il apparaît au plus tard le ${day(addMonths(delivered, 24))}.`
      )
    }
    assert.include(text, `href="/orders/${order.number}/guarantee"`)
    assert.include(text, 'Signaler un défaut')

    const form = await client
      .get(`/orders/${order.number}/guarantee`)
      .withGuard('customer')
      .loginAs(customer)
    form.assertStatus(200)
    const formText = readable(form.text())
    assert.include(formText, 'Sabot MAR-39')
    assert.include(formText, `2 articles livrés le ${day(lastParcel)}`)
    assert.include(formText, 'Réparation')
    assert.include(formText, 'Remplacement')

    // The description is required.
    const invalid = await client
      .post(`/orders/${order.number}/guarantee`)
      .withGuard('customer')
      .loginAs(customer)
      .form(reportForm([{ shipmentId: second.id, orderLineId: lines[1].id }], { description: '' }))
      .withCsrfToken()
      .redirects(0)
    invalid.assertHeader('location', `/orders/${order.number}/guarantee`)
    invalid.assertFlashMessage(
      'error',
      "Le signalement n'a pas été envoyé : vérifiez les champs signalés."
    )
    assert.equal(await countRows('guarantee_claims'), 0)

    const reported = await client
      .post(`/orders/${order.number}/guarantee`)
      .withGuard('customer')
      .loginAs(customer)
      .form(reportForm([{ shipmentId: second.id, orderLineId: lines[1].id, quantity: 2 }]))
      .withCsrfToken()
      .redirects(0)
    reported.assertStatus(302)
    reported.assertHeader('location', `/orders/${order.number}`)

    const claim = await GuaranteeClaim.query().preload('lines').firstOrFail()
    assert.equal(claim.orderId, order.id)
    assert.equal(claim.status, 'open')
    assert.equal(claim.preferredRemedy, 'repair')
    assert.equal(claim.description, 'La semelle se décolle au talon.')
    assert.equal(claim.requestedOn.toISODate(), parisToday())
    // G-03: 30 calendar days from the request.
    assert.equal(claim.dueOn.toISODate(), addDays(parisToday(), 30))
    assert.isTrue(claim.presumed)
    assert.deepEqual(
      claim.lines.map((line) => [
        line.shipmentId,
        line.orderLineId,
        line.quantity,
        line.deliveredOn.toISODate(),
      ]),
      [[second.id, lines[1].id, 2, lastParcel]]
    )
    reported.assertFlashMessage(
      'notice',
      `Votre signalement n° ${claim.id} est enregistré. Nous avons jusqu'au ${day(addDays(parisToday(), 30))} pour réparer ou remplacer l'article ; un accusé de réception part à l'adresse claire.vuillet@example.fr.`
    )
    const note = await OrderEvent.query()
      .where('order_id', order.id)
      .where('note', 'like', `guarantee claim #${claim.id}%`)
      .firstOrFail()
    assert.include(note.note!, '2 × CIRE-1')

    // The acknowledgement, with the 30-day deadline (G-03).
    await runQueuedJobsNow()
    const [acknowledgement] = messages.ofKind('guarantee_claim_received')
    acknowledgement.assertTo('claire.vuillet@example.fr')
    acknowledgement.assertSubject(
      `Votre signalement au titre de la garantie légale – commande ${order.number} – Comptoir`
    )
    acknowledgement.assertTextIncludes(
      `Nous procéderons à la réparation ou au remplacement au plus tard le ${day(addDays(parisToday(), 30))}, sans frais pour vous.`
    )
    acknowledgement.assertTextIncludes(`- 2 × Sabot CIRE-1 (CIRE-1) — livré le ${day(lastParcel)}`)
    acknowledgement.assertTextIncludes('Défaut décrit : La semelle se décolle au talon.')
    acknowledgement.assertTextIncludes('Solution demandée : Réparation')
    acknowledgement.assertHtmlIncludes('il est présumé exister dès la livraison')

    // The order page lists the claim with its deadline.
    const after = await textOf(
      client.get(`/orders/${order.number}`).withGuard('customer').loginAs(customer)
    )
    assert.include(after, `Signalement n° ${claim.id} du ${day(parisToday())}`)
    assert.include(after, "Reçu, en cours d'examen")
    assert.include(after, `à faire au plus tard le ${day(addDays(parisToday(), 30))}`)
  }).timeout(60_000)

  test('G-01: a guest holding the signed tracking link reports a defect; a stranger gets 404', async ({
    client,
    assert,
    cleanup,
  }) => {
    fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'G-1', { priceAmount: 3000 })
    const { order, lines } = await deliveredOrder(
      [{ variantId, quantity: 1 }],
      [{ lines: [0], deliveredOn: parisToday(-60) }],
      { checkout: { email: 'guest@example.fr' } }
    )
    const [parcel] = await parcelsOf(order)
    const units = [{ shipmentId: parcel.id, orderLineId: lines[0].id }]

    for (const request of [
      client.get(`/orders/${order.number}/guarantee`),
      client.post(`/orders/${order.number}/guarantee`).form(reportForm(units)).withCsrfToken(),
    ]) {
      const refused = await request
      refused.assertStatus(404)
    }
    const stranger = await CustomerFactory.create()
    const signedIn = await client
      .get(`/orders/${order.number}/guarantee`)
      .withGuard('customer')
      .loginAs(stranger)
    signedIn.assertStatus(404)
    const strangerPost = await client
      .post(`/orders/${order.number}/guarantee`)
      .withGuard('customer')
      .loginAs(stranger)
      .form(reportForm(units))
      .withCsrfToken()
    strangerPost.assertStatus(404)
    assert.equal(await countRows('guarantee_claims'), 0)

    // The signed link opens the order page, which lets this browser go on.
    const link = new URL(trackingUrl(order))
    const tracking = await client.get(link.pathname + link.search)
    tracking.assertStatus(200)
    assert.include(readable(tracking.text()), 'Signaler un défaut')
    const session = { placed_orders: tracking.session('placed_orders') }

    const form = await client.get(`/orders/${order.number}/guarantee`).withSession(session)
    form.assertStatus(200)
    const reported = await client
      .post(`/orders/${order.number}/guarantee`)
      .withSession(session)
      .form(reportForm(units, { remedy: 'replacement' }))
      .withCsrfToken()
      .redirects(0)
    reported.assertHeader('location', `/orders/${order.number}`)
    const claim = await GuaranteeClaim.query().preload('lines').firstOrFail()
    assert.equal(claim.orderId, order.id)
    assert.equal(claim.preferredRemedy, 'replacement')
    assert.deepEqual(
      claim.lines.map((line) => line.quantity),
      [1]
    )
  }).timeout(60_000)

  test('G-01: a defect reported after the two years is refused with the end that passed', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const old = await productOnSale(catalog, 'OLD-1', { priceAmount: 3000 })
    const recent = await productOnSale(catalog, 'NEW-1', { priceAmount: 2000 })
    const oldDelivery = addMonths(parisToday(), -25)
    const { order, lines } = await deliveredOrder(
      [
        { variantId: old, quantity: 1 },
        { variantId: recent, quantity: 1 },
      ],
      [
        { lines: [0], deliveredOn: oldDelivery },
        { lines: [1], deliveredOn: parisToday(-3) },
      ]
    )
    const [expiredParcel, recentParcel] = await parcelsOf(order)
    const session = { placed_orders: [order.number] }
    const end = addMonths(oldDelivery, 24)

    const page = await textOf(client.get(`/orders/${order.number}`).withSession(session))
    assert.include(page, `Garantie légale terminée le ${day(end)}.`)
    // The recent parcel is still covered: the form is offered, without the old one.
    const form = await textOf(client.get(`/orders/${order.number}/guarantee`).withSession(session))
    assert.include(form, 'Ces articles ne sont plus couverts par la garantie légale :')
    assert.notInclude(form, `[shipment_id]" value="${expiredParcel.id}"`)
    assert.include(form, `[shipment_id]" value="${recentParcel.id}"`)

    const refused = await client
      .post(`/orders/${order.number}/guarantee`)
      .withSession(session)
      .form(reportForm([{ shipmentId: expiredParcel.id, orderLineId: lines[0].id }]))
      .withCsrfToken()
      .redirects(0)
    refused.assertHeader('location', `/orders/${order.number}/guarantee`)
    refused.assertFlashMessage(
      'error',
      `La garantie légale de conformité de ces articles a pris fin le ${day(end)}, deux ans après leur livraison le ${day(oldDelivery)} : ce défaut ne peut plus être signalé à ce titre. Un défaut caché qui existait déjà à l'achat peut encore relever de la garantie des vices cachés (articles 1641 et suivants du Code civil), dans les deux ans de sa découverte : écrivez-nous.`
    )
    assert.equal(await countRows('guarantee_claims'), 0)
  }).timeout(60_000)

  test('G-03: a line repaired under the guarantee is covered six months more; units in a claim under way are not claimed twice', async ({
    client,
    assert,
    cleanup,
  }) => {
    fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'REP-1', { priceAmount: 3000 })
    const delivered = addMonths(parisToday(), -25)
    const { order, lines } = await deliveredOrder(
      [{ variantId, quantity: 1 }],
      [{ lines: [0], deliveredOn: delivered }]
    )
    const [parcel] = await parcelsOf(order)
    // Repaired two months ago, before the two years ended: covered until that end + 6 months.
    await repairedOn(parcel, lines[0], parisToday(-60))
    const session = { placed_orders: [order.number] }
    const extendedTo = addMonths(addMonths(delivered, 24), 6)
    const form = await textOf(client.get(`/orders/${order.number}/guarantee`).withSession(session))
    assert.include(form, `[shipment_id]" value="${parcel.id}"`)
    assert.include(form, day(extendedTo))

    const units = [{ shipmentId: parcel.id, orderLineId: lines[0].id }]
    const reported = await client
      .post(`/orders/${order.number}/guarantee`)
      .withSession(session)
      .form(reportForm(units))
      .withCsrfToken()
      .redirects(0)
    reported.assertHeader('location', `/orders/${order.number}`)
    assert.equal(await countRows('guarantee_claims'), 2)

    // The unit is in the claim just made: it is not offered, and a second report is refused.
    const again = await textOf(client.get(`/orders/${order.number}/guarantee`).withSession(session))
    assert.notInclude(again, `[shipment_id]" value="${parcel.id}"`)
    const twice = await client
      .post(`/orders/${order.number}/guarantee`)
      .withSession(session)
      .form(reportForm(units))
      .withCsrfToken()
      .redirects(0)
    twice.assertFlashMessage(
      'error',
      `Certains de ces articles font déjà l’objet d’une demande en cours pour la commande ${order.number} : nous y répondons avant d’en examiner une nouvelle.`
    )
    assert.equal(await countRows('guarantee_claims'), 2)

    assert.equal(await countRows('guarantee_claims'), 2)

    // Six months more passed: the refusal gives the extended end, not "two years after delivery".
    const older = await deliveredOrder(
      [{ variantId, quantity: 1 }],
      [{ lines: [0], deliveredOn: addMonths(parisToday(), -32) }]
    )
    const [olderParcel] = await parcelsOf(older.order)
    await repairedOn(olderParcel, older.lines[0], addMonths(parisToday(), -12))
    const end = addMonths(addMonths(parisToday(), -32), 30)
    const expired = await client
      .post(`/orders/${older.order.number}/guarantee`)
      .withSession({ placed_orders: [older.order.number] })
      .form(reportForm([{ shipmentId: olderParcel.id, orderLineId: older.lines[0].id }]))
      .withCsrfToken()
      .redirects(0)
    expired.assertFlashMessage(
      'error',
      `La garantie légale de conformité de ces articles, prolongée après une réparation ou un remplacement, a pris fin le ${day(end)} : ce défaut ne peut plus être signalé à ce titre. Un défaut caché qui existait déjà à l'achat peut encore relever de la garantie des vices cachés (articles 1641 et suivants du Code civil), dans les deux ans de sa découverte : écrivez-nous.`
    )
    assert.equal(await countRows('guarantee_claims'), 3)
  }).timeout(60_000)

  test('G-01: before delivery, nothing can be reported yet', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'T-1', { priceAmount: 3000 })
    const { order, lines } = await deliveredOrder(
      [{ variantId, quantity: 1 }],
      [{ lines: [0], deliveredOn: null }]
    )
    const [parcel] = await parcelsOf(order)
    const session = { placed_orders: [order.number] }

    const page = await textOf(client.get(`/orders/${order.number}`).withSession(session))
    assert.notInclude(page, 'Garantie légale de conformité')
    const form = await textOf(client.get(`/orders/${order.number}/guarantee`).withSession(session))
    assert.include(form, 'La garantie légale court à partir de la livraison')
    const refused = await client
      .post(`/orders/${order.number}/guarantee`)
      .withSession(session)
      .form(reportForm([{ shipmentId: parcel.id, orderLineId: lines[0].id }]))
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage(
      'error',
      `Ces articles ne figurent pas dans un colis livré de la commande ${order.number}.`
    )
    assert.equal(await countRows('guarantee_claims'), 0)
  }).timeout(60_000)
})
