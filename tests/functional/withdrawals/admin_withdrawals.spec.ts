import type { ApiClient } from '@japa/api-client'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { daysBetween } from '@comptoir/contracts/french_calendar'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import type { Amount } from '@comptoir/contracts/commerce'
import type { RefundResult } from '@comptoir/contracts/payment_provider'
import { Money } from '#domain/money'
import type AdminUser from '#models/admin_user'
import Invoice from '#models/invoice'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import Refund from '#models/refund'
import Withdrawal from '#models/withdrawal'
import OrderRefunds from '#services/orders/order_refunds'
import ShipmentService from '#services/orders/shipment_service'
import WithdrawalRefunds from '#services/withdrawals/withdrawal_refunds'
import { formatCalendarDay } from '#support/calendar_days'
import { sqlTimestamp } from '#support/sql_timestamp'
import { checkoutShop, placeOrder, productOnSale } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'
import { cardProvider, shortRefundTimeout } from '#tests/helpers/payments'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import {
  deliveredOrder,
  letter,
  orderWithException,
  parisToday,
  readable,
  STAFF,
  textOf,
  twoLineOrder,
  withdraw,
} from '#tests/helpers/withdrawals'

const euros = (amount: number) => Money.of(amount, 'EUR').format('fr')

/** The fields of the form staff fill in from a letter or an e-mail. */
function writtenForm(
  orderNumber: string,
  lines: { id: number; quantity: number }[],
  sent: { on: string; time?: string; receivedOn: string; channel?: 'letter' | 'email' }
) {
  const form: Record<string, string> = {
    order_number: orderNumber,
    channel: sent.channel ?? 'letter',
    sent_on: sent.on,
    received_on: sent.receivedOn,
    consumer_name: 'Claire Martin',
    email: 'claire@example.fr',
  }
  if (sent.time) form.sent_time = sent.time
  lines.forEach((line, index) => {
    form[`lines[${index}][order_line_id]`] = String(line.id)
    form[`lines[${index}][selected]`] = '1'
    form[`lines[${index}][quantity]`] = String(line.quantity)
  })
  return form
}

/** A shop taking orders, its e-mails caught, and its owner to sign in. */
async function shopWithOwner(cleanup: (handler: () => Promise<void> | void) => void) {
  fakeMail(cleanup)
  const { catalog } = await checkoutShop(cleanup)
  return { catalog, owner: await AdminUserFactory.create() }
}

/** The refund's breakdown for these choices, as the merchant previews it. */
function previewRefund(
  client: ApiClient,
  owner: AdminUser,
  withdrawalId: number,
  choices: Record<string, string>
) {
  return client
    .post(`/admin/withdrawals/${withdrawalId}/refund-preview`)
    .loginAs(owner)
    .form(choices)
    .withCsrfToken()
}

test.group('Withdrawals in the back office', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('W-07 / TC-08: a manager enters an e-mail sent on the last day at 23:58 and read the next day; one sent a day late is refused', async ({
    client,
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    // Received Tue 3 March 2026: the period ends on Tue 17 March.
    const { order, lines } = await twoLineOrder(
      catalog,
      ['W-1', 'W-2'],
      [{ lines: [0, 1], deliveredOn: '2026-03-03' }]
    )
    const manager = await AdminUserFactory.apply('manager').create()
    const support = await AdminUserFactory.apply('support').create()

    const form = await client.get(`/admin/withdrawals/new?order=${order.number}`).loginAs(manager)
    form.assertStatus(200)
    assert.include(readable(form.text()), "jusqu'au mardi 17 mars 2026 inclus")

    const lastMinute = (user: AdminUser) =>
      client
        .post('/admin/withdrawals')
        .loginAs(user)
        .form(
          writtenForm(order.number, [{ id: lines[0].id, quantity: 1 }], {
            channel: 'email',
            on: '2026-03-17',
            time: '23:58',
            receivedOn: '2026-03-18',
          })
        )
        .withCsrfToken()
        .redirects(0)

    // Recording a statement changes the order: support, who moves no order, may not.
    const forbidden = await lastMinute(support)
    forbidden.assertStatus(403)
    assert.equal(await countRows('withdrawals'), 0)
    const list = await client.get('/admin/withdrawals').loginAs(support)
    assert.notInclude(list.text(), 'href="/admin/withdrawals/new"')

    const timely = await lastMinute(manager)
    const withdrawal = await Withdrawal.firstOrFail()
    timely.assertHeader('location', `/admin/withdrawals/${withdrawal.id}`)
    assert.equal(withdrawal.channel, 'email')
    assert.equal(withdrawal.sentAt.toUTC().toISO(), '2026-03-17T22:58:00.000Z')
    assert.equal(withdrawal.notifiedOn.toISODate(), '2026-03-18')
    assert.equal(withdrawal.recordedBy, manager.fullName)

    await runQueuedJobsNow()
    const [acknowledgement] = messages.ofKind('withdrawal_acknowledgement')
    acknowledgement.assertTextIncludes(
      'Rétractation envoyée par e-mail le mardi 17 mars 2026 à 23:58:00 (heure de Paris), reçue le mercredi 18 mars 2026.'
    )

    const late = await client
      .post('/admin/withdrawals')
      .loginAs(manager)
      .form(
        writtenForm(order.number, [{ id: lines[1].id, quantity: 1 }], {
          on: '2026-03-18',
          receivedOn: '2026-03-19',
        })
      )
      .withCsrfToken()
      .redirects(0)
    late.assertFlashMessage(
      'error',
      'Le délai de rétractation a pris fin le mardi 17 mars 2026 : la déclaration est arrivée trop tard pour être enregistrée.'
    )
    assert.lengthOf(await Withdrawal.all(), 1)

    // Support reads withdrawals; the statements, the goods and the money are the manager's.
    const page = await client.get(`/admin/withdrawals/${withdrawal.id}`).loginAs(support)
    page.assertStatus(200)
    assert.notInclude(page.text(), 'refund-preview')
    const refused = await client
      .post(`/admin/withdrawals/${withdrawal.id}/received`)
      .loginAs(support)
      .form({ received_on: parisToday() })
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(403)
  }).timeout(60_000)

  test('W-07 / W-10: a letter is neither sent nor received in the future, nor received before it was sent', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog, owner } = await shopWithOwner(cleanup)
    const { order, lines } = await twoLineOrder(
      catalog,
      ['F-1', 'F-2'],
      [{ lines: [0, 1], deliveredOn: parisToday(-3) }]
    )
    const post = (sent: { on: string; receivedOn: string }) =>
      client
        .post('/admin/withdrawals')
        .loginAs(owner)
        .form(writtenForm(order.number, [{ id: lines[0].id, quantity: 1 }], sent))
        .withCsrfToken()
        .redirects(0)

    const future = await post({ on: parisToday(1), receivedOn: parisToday(2) })
    future.assertFlashMessage('error', 'Vérifiez les informations saisies.')
    future.assertFlashMessage('inputErrorsBag', {
      sent_on: ["La date d'envoi ne peut pas être dans le futur."],
      received_on: ['La date de réception ne peut pas être dans le futur.'],
    })
    const backwards = await post({ on: parisToday(-1), receivedOn: parisToday(-2) })
    backwards.assertFlashMessage('inputErrorsBag', {
      received_on: ["La date de réception ne peut pas précéder la date d'envoi."],
    })
    assert.equal(await countRows('withdrawals'), 0)

    const today = await post({ on: parisToday(), receivedOn: parisToday() })
    today.assertStatus(302)
    assert.equal(await countRows('withdrawals'), 1)
  }).timeout(60_000)

  test('W-10 / W-13 / TC-11, TC-12: the refund is due 14 days after the notification, or when goods or proof come later', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog, owner } = await shopWithOwner(cleanup)
    const cases = [
      { sku: 'T-11', proof: '2026-03-10', received: '2026-03-20', due: 'lundi 16 mars 2026' },
      { sku: 'T-12', proof: '2026-03-25', received: '2026-03-30', due: 'mercredi 25 mars 2026' },
    ]
    for (const example of cases) {
      const variantId = await productOnSale(catalog, example.sku, { priceAmount: 3000 })
      const { order, lines } = await deliveredOrder(
        [{ variantId, quantity: 1 }],
        [{ lines: [0], deliveredOn: '2026-02-26' }]
      )
      const { id } = await withdraw(
        order.id,
        [{ orderLineId: lines[0].id, quantity: 1 }],
        letter('2026-03-01T10:00', '2026-03-02')
      )

      const awaiting = await textOf(client.get(`/admin/withdrawals/${id}`).loginAs(owner))
      assert.include(
        awaiting,
        "En attente des articles ou d'une preuve d'expédition (au plus tôt le lundi 16 mars 2026)"
      )

      const shipped = await client
        .post(`/admin/withdrawals/${id}/shipped-back`)
        .loginAs(owner)
        .form({ shipped_on: example.proof })
        .withCsrfToken()
        .redirects(0)
      shipped.assertFlashMessage(
        'success',
        `Preuve d'expédition enregistrée (commande ${order.number}).`
      )
      await client
        .post(`/admin/withdrawals/${id}/received`)
        .loginAs(owner)
        .form({ received_on: example.received })
        .withCsrfToken()

      const page = await textOf(client.get(`/admin/withdrawals/${id}`).loginAs(owner))
      assert.include(page, `À rembourser au plus tard le ${example.due}`, example.sku)
      // Long overdue: late, with the L242-4 surcharge worked out.
      assert.include(page, 'Majoration légale (art. L242-4)')
    }

    const list = await textOf(client.get('/admin/withdrawals').loginAs(owner))
    assert.include(list, 'À rembourser au plus tard le lundi 16 mars 2026')
    assert.include(list, 'À rembourser au plus tard le mercredi 25 mars 2026')
    const filtered = await textOf(client.get('/admin/withdrawals?status=refunded').loginAs(owner))
    assert.include(filtered, 'Aucune rétractation')
  }).timeout(60_000)

  test('W-10 / W-13: units withdrawn before they shipped do not come back: refund due 14 days after the notification', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog, owner } = await shopWithOwner(cleanup)
    const variantId = await productOnSale(catalog, 'U-1', { priceAmount: 3000 })
    const { order, lines } = await deliveredOrder([{ variantId, quantity: 2 }], [])
    const { id } = await withdraw(order.id, [{ orderLineId: lines[0].id, quantity: 1 }])
    // The other unit of the line ships afterwards: the withdrawn one never left.
    const shipments = await app.container.make(ShipmentService)
    await shipments.ship(order.id, { lines: [{ orderLineId: lines[0].id, quantity: 1 }] }, STAFF)

    const page = await textOf(client.get(`/admin/withdrawals/${id}`).loginAs(owner))
    assert.include(page, `À rembourser au plus tard le ${formatCalendarDay(parisToday(14), 'fr')}`)
    assert.notInclude(page, "En attente des articles ou d'une preuve d'expédition")
  }).timeout(60_000)

  test('TC-14 / W-11 / W-17 / I-04: goods back, bank transfer refunded by hand: credit note = goods + cheapest standard delivery − deduction', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog, owner } = await shopWithOwner(cleanup)
    const a = await productOnSale(catalog, 'TC14-A', { priceAmount: 5000 })
    const b = await productOnSale(catalog, 'TC14-B', { priceAmount: 3000 })
    // Goods 80 €; standard delivery 4,90 € offered, express 12,90 € chosen.
    const { order, lines } = await deliveredOrder(
      [
        { variantId: a, quantity: 1 },
        { variantId: b, quantity: 1 },
      ],
      [{ lines: [0, 1], deliveredOn: parisToday(-3) }],
      { express: { paid: 1290, cheapest: 490 } }
    )
    assert.equal(order.total, 9290)
    const withdrawal = await withdraw(
      order.id,
      lines.map((line) => ({ orderLineId: line.id, quantity: 1 }))
    )

    const page = await textOf(client.get(`/admin/withdrawals/${withdrawal.id}`).loginAs(owner))
    assert.include(page, `Montant dû avant frais de retour et dépréciation : ${euros(8490)}.`)

    for (const [path, form] of [
      ['shipped-back', { shipped_on: parisToday() }],
      ['received', { received_on: parisToday() }],
    ] as const) {
      const step = await client
        .post(`/admin/withdrawals/${withdrawal.id}/${path}`)
        .loginAs(owner)
        .form(form)
        .withCsrfToken()
        .redirects(0)
      step.assertStatus(302)
      assert.isTrue(step.flashMessages().success !== undefined, path)
    }
    await withdrawal.refresh()
    assert.equal(withdrawal.status, 'goods_received')

    // The breakdown first: goods, the delivery up to the standard one, the deduction.
    const choices = { return_by: 'none', deduction: '5', deduction_reason: 'Semelle marquée' }
    const preview = await previewRefund(client, owner, withdrawal.id, choices)
    preview.assertStatus(200)
    const breakdown = readable(preview.text())
    assert.include(breakdown, euros(8000))
    assert.include(breakdown, 'Livraison (dans la limite de la livraison standard la moins chère)')
    assert.include(breakdown, euros(490))
    assert.include(breakdown, 'Dépréciation : Semelle marquée')
    assert.include(breakdown, `−${euros(500)}`)
    assert.include(breakdown, euros(7990))
    // A bank transfer has no provider to send money back (W-14): only by hand.
    assert.include(breakdown, 'value="manual"')
    assert.notInclude(breakdown, 'value="provider"')
    assert.equal(await countRows('refunds'), 0)

    const refunded = await client
      .post(`/admin/withdrawals/${withdrawal.id}/refunds`)
      .loginAs(owner)
      .form({ ...choices, mode: 'manual', expected_total: '7990' })
      .withCsrfToken()
      .redirects(0)
    refunded.assertFlashMessage(
      'success',
      `Remboursement de ${euros(7990)} enregistré pour la commande ${order.number}, avec son avoir.`
    )

    await withdrawal.refresh()
    assert.equal(withdrawal.status, 'refunded')
    assert.equal(withdrawal.deductionAmount, 500)
    const refund = await Refund.findOrFail(withdrawal.refundId)
    assert.deepEqual([refund.mode, refund.status, refund.amount], ['manual', 'completed', 7990])
    const note = await Invoice.findOrFail(refund.creditNoteId)
    assert.equal(note.kind, 'credit_note')
    assert.equal(note.totalGross, 7990)
    assert.equal(
      note.snapshot.creditNote!.reason,
      `Rétractation n° ${withdrawal.id} du ${formatCalendarDay(parisToday(), 'fr')} (commande ${order.number})`
    )
    const withheld = note.snapshot.lines.filter((line) => line.total < 0)
    assert.deepEqual(
      withheld.map((line) => [line.designation, line.total]),
      [['Dépréciation retenue : Semelle marquée', -500]]
    )
    const payment = await Payment.query().where('order_id', order.id).firstOrFail()
    assert.deepEqual([payment.status, payment.refundedAmount], ['partially_refunded', 7990])

    // Refunded once: a second attempt changes nothing.
    const again = await client
      .post(`/admin/withdrawals/${withdrawal.id}/refunds`)
      .loginAs(owner)
      .form({ ...choices, mode: 'manual', expected_total: '7990' })
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage(
      'error',
      `Cette rétractation de la commande ${order.number} est déjà remboursée.`
    )
    assert.lengthOf(await Refund.all(), 1)
  }).timeout(60_000)

  test('W-14: a card payment is refunded through its provider, under an idempotency key, with its credit note', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog, owner } = await shopWithOwner(cleanup)
    const asked = await cardProvider(cleanup, async (amount) => ({
      kind: 'refunded',
      refundId: 're_7',
      amount,
    }))

    const variantId = await productOnSale(catalog, 'CARD-1', { priceAmount: 2500 })
    const placed = await placeOrder([{ variantId, quantity: 2 }])
    const paid = await Order.findOrFail(placed.id)
    assert.isNotNull(paid.paidAt)
    const [line] = await OrderLine.query().where('order_id', placed.id)
    const withdrawal = await withdraw(placed.id, [{ orderLineId: line.id, quantity: 1 }])

    // Nothing has shipped: nothing comes back, the refund is due at once.
    const preview = await textOf(previewRefund(client, owner, withdrawal.id, {}))
    assert.include(preview, 'value="provider"')
    assert.include(preview, 'Livraison (non remboursée : rétractation partielle)')

    await client
      .post(`/admin/withdrawals/${withdrawal.id}/refunds`)
      .loginAs(owner)
      .form({ mode: 'provider', expected_total: '2500' })
      .withCsrfToken()
    await withdrawal.refresh()
    assert.equal(withdrawal.status, 'refunded')
    const refund = await Refund.findOrFail(withdrawal.refundId)
    assert.deepEqual(
      asked.map(({ amount, key }) => ({ amount: amount.amount, key })),
      [{ amount: 2500, key: refund.idempotencyKey }]
    )
    assert.deepEqual([refund.mode, refund.providerRefundId], ['provider', 're_7'])
    const note = await Invoice.findOrFail(refund.creditNoteId)
    assert.equal(note.totalGross, 2500)
  }).timeout(60_000)

  test('W-10 / W-12: a provider refund answered late marks its withdrawal refunded; withdrawals of an order are refunded one at a time', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await shopWithOwner(cleanup)
    let answer: (amount: Amount) => Promise<RefundResult> = () => new Promise(() => {})
    await cardProvider(cleanup, (amount) => answer(amount))
    shortRefundTimeout(cleanup)
    const a = await productOnSale(catalog, 'LATE-A', { priceAmount: 2500 })
    const b = await productOnSale(catalog, 'LATE-B', { priceAmount: 2000 })
    const placed = await placeOrder([
      { variantId: a, quantity: 1 },
      { variantId: b, quantity: 1 },
    ])
    const lines = await OrderLine.query().where('order_id', placed.id).orderBy('position')
    const first = await withdraw(placed.id, [{ orderLineId: lines[0].id, quantity: 1 }])
    const second = await withdraw(placed.id, [{ orderLineId: lines[1].id, quantity: 1 }])
    const refunds = await app.container.make(WithdrawalRefunds)
    const none = { returnShipping: null, deduction: null }

    // The provider does not answer in time: the money may have gone, the withdrawal waits.
    const waiting = await refunds.refund(first.id, none, 'provider', 2500, STAFF)
    assert.deepEqual(waiting, { kind: 'refused', reason: 'provider_no_answer' })
    await first.refresh()
    assert.equal(first.status, 'requested')
    const pending = await Refund.findByOrFail('withdrawal_id', first.id)
    assert.equal(pending.status, 'pending')
    // The other withdrawal waits too: its share of the delivery depends on this one (W-12).
    assert.deepEqual(await refunds.refund(second.id, none, 'provider', 2000, STAFF), {
      kind: 'refused',
      reason: 'refund_in_progress',
    })

    // Settled later from the order page: the withdrawal is refunded with the money.
    answer = async (amount) => ({ kind: 'refunded', refundId: 're_late', amount })
    const settled = await app.container
      .make(OrderRefunds)
      .then((service) => service.settle(pending.id))
    assert.equal(settled.kind, 'refunded')
    await first.refresh()
    assert.equal(first.status, 'refunded')
    assert.equal(first.refundId, pending.id)
    assert.isNotNull(first.refundedAt)
    assert.isNull(first.refundClaimedAt)

    // While one withdrawal's refund is being made, another of the order's waits.
    await db
      .from('withdrawals')
      .where('id', first.id)
      .update({ refund_claimed_at: sqlTimestamp(DateTime.now()) })
    assert.deepEqual(await refunds.refund(second.id, none, 'provider', 2000, STAFF), {
      kind: 'refused',
      reason: 'refund_in_progress',
    })
    await db.from('withdrawals').where('id', first.id).update({ refund_claimed_at: null })

    // The last units withdrawn: the delivery comes back with them (W-12).
    const plan = await refunds.plan(second.id, none)
    assert.equal(plan.kind, 'plan')
    if (plan.kind !== 'plan') return
    const order = await Order.findOrFail(placed.id)
    assert.isAbove(order.shippingTotal, 0)
    assert.equal(plan.refund.delivery, order.shippingTotal)
    const last = await refunds.refund(second.id, none, 'provider', plan.creditTotal, STAFF)
    assert.equal(last.kind, 'refunded')
    const payment = await Payment.query().where('order_id', placed.id).firstOrFail()
    assert.deepEqual([payment.status, payment.refundedAmount], ['refunded', order.total])
  }).timeout(60_000)

  test('W-06 / W-12 / W-16 / TC-15: the settings move the last day (Alsace-Moselle), refund delivery pro rata and the return the shop bears', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog, owner } = await shopWithOwner(cleanup)
    // Received Fri 20 March 2026: day 14 is Good Friday, 3 April.
    const { order, lines } = await twoLineOrder(
      catalog,
      ['S-1', 'S-2'],
      [{ lines: [0, 1], deliveredOn: '2026-03-20' }]
    )
    const session = { placed_orders: [order.number] }
    const national = await textOf(client.get(`/orders/${order.number}`).withSession(session))
    assert.include(national, 'Le délai de rétractation a pris fin le vendredi 3 avril 2026.')

    const saved = await client
      .put('/admin/settings/withdrawals')
      .loginAs(owner)
      .form({
        calendar: 'alsace_moselle',
        return_cost: 'trader',
        partial_delivery: 'pro_rata',
        legal_interest_rate: '6,67',
      })
      .withCsrfToken()
      .redirects(0)
    saved.assertFlashMessage('success', 'Réglages de rétractation enregistrés.')
    const settings = await textOf(client.get('/admin/settings').loginAs(owner))
    assert.include(settings, 'value="6,67"')

    // Good Friday, then the weekend and Easter Monday: Tuesday 7 April.
    const alsace = await textOf(client.get(`/orders/${order.number}`).withSession(session))
    assert.include(alsace, 'Le délai de rétractation a pris fin le mardi 7 avril 2026.')

    const withdrawal = await withdraw(
      order.id,
      [{ orderLineId: lines[0].id, quantity: 1 }],
      letter('2026-03-25T10:00', '2026-03-26')
    )
    const preview = await textOf(
      previewRefund(client, owner, withdrawal.id, { return_by: 'consumer', return_cost: '6' })
    )
    // 30 € of the 50 € of goods: 3/5 of the 9,90 € delivery; the 6 € parcel refunded.
    assert.equal(order.shippingTotal, 990)
    assert.include(preview, 'Livraison, au prorata des articles retournés')
    assert.include(preview, euros(594))
    assert.include(preview, 'Frais de renvoi remboursés au client')
    assert.include(preview, euros(3000 + 594 + 600))
  }).timeout(60_000)

  test('W-18 / TC-18: sealed goods are offered, and no longer refunded once they come back unsealed', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog, owner } = await shopWithOwner(cleanup)
    const { order, lines } = await orderWithException(
      catalog,
      { name: 'Rouge à lèvres', sku: 'LIP-1', price: 1500, exception: 'sealed_hygiene' },
      { sku: 'CLOG-2', price: 6000 }
    )
    const withdrawal = await withdraw(
      order.id,
      lines.map((line) => ({ orderLineId: line.id, quantity: 1 }))
    )
    const page = await textOf(client.get(`/admin/withdrawals/${withdrawal.id}`).loginAs(owner))
    assert.include(page, "Rétractation possible s'il revient scellé")
    assert.include(page, `name="unsealed[]" value="${lines[0].id}"`)
    assert.notInclude(page, `name="unsealed[]" value="${lines[1].id}"`)

    await client
      .post(`/admin/withdrawals/${withdrawal.id}/received`)
      .loginAs(owner)
      .form({ 'received_on': parisToday(), 'unsealed[]': String(lines[0].id) })
      .withCsrfToken()
    const received = await textOf(client.get(`/admin/withdrawals/${withdrawal.id}`).loginAs(owner))
    assert.include(received, 'Exclu du droit de rétractation')
    const preview = await textOf(previewRefund(client, owner, withdrawal.id, {}))
    // The clog alone, and no delivery: not every unit comes back (W-12).
    assert.include(preview, 'Livraison (non remboursée : rétractation partielle)')
    assert.include(preview, `value="${6000}"`)
  }).timeout(60_000)

  test('W-10 / W-15: the dashboard warns of refunds due within three days and of late ones, with the surcharge', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog, owner } = await shopWithOwner(cleanup)
    const made: number[] = []
    for (const [sku, notifiedOn] of [
      ['D-SOON', parisToday(-12)],
      ['D-LATE', parisToday(-20)],
      ['D-LATER', parisToday(-5)],
    ]) {
      const variantId = await productOnSale(catalog, sku, { priceAmount: 3000 })
      const { order, lines } = await deliveredOrder(
        [{ variantId, quantity: 1 }],
        [{ lines: [0], deliveredOn: parisToday(-21) }]
      )
      const { id } = await withdraw(
        order.id,
        [{ orderLineId: lines[0].id, quantity: 1 }],
        letter(`${parisToday(-21)}T09:00`, notifiedOn)
      )
      made.push(id)
      await client
        .post(`/admin/withdrawals/${id}/received`)
        .loginAs(owner)
        .form({ received_on: parisToday(-13) })
        .withCsrfToken()
    }

    const dashboard = await textOf(client.get('/admin').loginAs(owner))
    assert.include(dashboard, 'Remboursements de rétractations à faire')
    assert.include(dashboard, `Rétractation n° ${made[0]}`)
    assert.include(dashboard, 'remboursement à faire au plus tard le')
    assert.include(dashboard, `Rétractation n° ${made[1]}`)
    const daysLate = daysBetween(parisToday(-6), parisToday())
    assert.include(dashboard, `en retard de ${daysLate} jours`)
    assert.include(dashboard, 'Majoration légale (art. L242-4)')
    assert.notInclude(dashboard, `Rétractation n° ${made[2]}</a>`)
  }).timeout(60_000)
})
