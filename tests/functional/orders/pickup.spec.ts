import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { timeZone } from '#config/app'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { Money } from '#domain/money'
import Invoice from '#models/invoice'
import OrderEvent from '#models/order_event'
import OrderPickup from '#models/order_pickup'
import Payment from '#models/payment'
import Shipment from '#models/shipment'
import type AdminUser from '#models/admin_user'
import type Order from '#models/order'
import OrderPayments from '#services/orders/order_payments'
import ShipmentService from '#services/orders/shipment_service'
import { trackingUrl } from '#support/order_access'
import { checkoutShop, placeOrder, productOnSale, statusOf } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import { pickupCodeFrom } from '#tests/helpers/pickups'

const STAFF = { label: 'Claire (owner)', adminUserId: null }

/** A shop that ships from its warehouse and hands over in its Lyon shop. */
async function pickupShop(cleanup: Parameters<typeof checkoutShop>[0]) {
  const { catalog } = await checkoutShop(cleanup, [
    'shipping-click-collect',
    'payment-pay-in-store',
    'shipping-table-rates',
    'payment-bank-transfer',
  ])
  const product = await catalog.createProduct({ fr: 'Sabot Lyonnais', en: 'Lyon clog' }, [
    {
      sku: 'LYON-1',
      priceAmount: 6500,
      stock: [{ stockLocationId: catalog.store.id, quantity: 5, safetyThreshold: 0 }],
    },
  ])
  await product.load('variants')
  return { catalog, variantId: product.variants[0].id }
}

/** Two units to collect in Lyon, paid there on collection (or already paid when told). */
async function clickAndCollect(
  cleanup: Parameters<typeof checkoutShop>[0],
  options: { paid?: boolean } = {}
) {
  const { variantId } = await pickupShop(cleanup)
  const order = await placeOrder([{ variantId, quantity: 2 }], {
    checkout: { shipping: 'click-collect', pickupPoint: 'lyon', payment: 'pay-in-store' },
  })
  if (options.paid) {
    const payments = await app.container.make(OrderPayments)
    await payments.markPaid(order.id, STAFF)
  }
  return order
}

/** The order page's pickup forms, posted by a member of staff; the answer is not followed. */
function counter(client: TestContext['client'], order: Order, staff: AdminUser) {
  const post = (path: string, form: Record<string, string> = {}) =>
    client
      .post(`/admin/orders/${order.id}/${path}`)
      .form(form)
      .withCsrfToken()
      .loginAs(staff)
      .redirects(0)
  return {
    markReady: () => post('pickup'),
    sendNewCode: () => post('pickup/code'),
    handOver: (code: string, paymentReceived = false) =>
      post('pickup/handover', { code, ...(paymentReceived ? { payment_received: '1' } : {}) }),
  }
}

function parisToday() {
  return DateTime.now().setZone(timeZone).toISODate()
}

async function pickupOf(order: Order) {
  return OrderPickup.findByOrFail('order_id', order.id)
}

async function wrongCodesOf(order: Order) {
  const pickup = await pickupOf(order)
  return pickup.failedAttempts
}

test.group('Click & collect: ready for pickup, handover against the code', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a paid order is made ready: one parcel of every unit, the code e-mailed, only its hash kept', async ({
    client,
    assert,
    cleanup,
  }) => {
    const mails = fakeMail(cleanup)
    const order = await clickAndCollect(cleanup, { paid: true })
    const store = order.pickupPoint!
    const manager = await AdminUserFactory.apply('manager').create()
    const staff = counter(client, order, manager)
    await runQueuedJobsNow()

    const before = await client.get(`/admin/orders/${order.id}`).loginAs(manager)
    assert.include(before.text(), 'Retrait en boutique')
    assert.include(before.text(), `action="/admin/orders/${order.id}/pickup"`)

    const ready = await staff.markReady()
    ready.assertHeader('location', `/admin/orders/${order.id}`)
    ready.assertFlashMessage(
      'success',
      `Commande ${order.number} prête à être retirée : le client reçoit son code de retrait par e-mail.`
    )

    const [parcel] = await Shipment.query().where('order_id', order.id).preload('lines')
    assert.deepEqual(
      parcel.lines.map((line) => line.quantity),
      [2]
    )
    assert.equal(await statusOf(order.id), 'shipped')
    assert.lengthOf(mails.ofKind('ready_for_pickup'), 0, 'the e-mail leaves after the request')

    await runQueuedJobsNow()
    const [email] = mails.ofKind('ready_for_pickup')
    assert.lengthOf(mails.ofKind('order_shipped'), 0, 'the pickup e-mail replaces the shipping one')
    email.assertTo('claire@example.fr')
    email.assertSubject(`Votre commande ${order.number} est prête à être retirée – Comptoir`)
    const code = pickupCodeFrom(email)
    email.assertHtmlIncludes(`<strong>${code}</strong>`)
    email.assertTextIncludes(
      `Votre commande n° ${order.number} est prête : vous pouvez la retirer à ${store.name}.`
    )
    email.assertTextIncludes(store.address.lines[0])
    email.assertTextIncludes(`${store.address.postalCode} ${store.address.city}`)
    assert.notInclude(String(email.nodeMailerMessage.text), 'Reste à régler')

    const pickup = await pickupOf(order)
    assert.match(pickup.codeHash!, /^[0-9a-f]{64}$/)
    assert.notInclude(pickup.codeHash!, code.replace(' ', ''))
    const notes = await OrderEvent.query().where('order_id', order.id).orderBy('id')
    assert.isTrue(
      notes.some((event) => event.note === 'ready_for_pickup sent to claire@example.fr'),
      'the e-mail is on the timeline'
    )
    assert.isFalse(notes.some((event) => (event.note ?? '').includes(code.replace(' ', ''))))

    const after = await client.get(`/admin/orders/${order.id}`).loginAs(manager)
    assert.include(after.text(), `Prête à être retirée à ${store.name} depuis le`)
    assert.include(after.text(), `action="/admin/orders/${order.id}/pickup/handover"`)
    assert.notInclude(after.text(), code, 'the code is in the e-mail only')

    const tracking = await client.get(trackingUrl(order))
    assert.include(tracking.text(), `Prête à être retirée à ${store.name}`)
    assert.notInclude(tracking.text(), code)

    const again = await staff.markReady()
    again.assertFlashMessage('error', `La commande ${order.number} est déjà prête à être retirée.`)
    assert.lengthOf(await Shipment.query().where('order_id', order.id), 1)
  })

  test('a wrong code is refused and counted; five lock handover until a new code is e-mailed', async ({
    client,
    assert,
    cleanup,
  }) => {
    const mails = fakeMail(cleanup)
    const order = await clickAndCollect(cleanup, { paid: true })
    const owner = await AdminUserFactory.create()
    const staff = counter(client, order, owner)
    await staff.markReady()
    await runQueuedJobsNow()
    const code = pickupCodeFrom(mails.ofKind('ready_for_pickup')[0])
    const wrong = code === '000 000' ? '111111' : '000000'
    const handOver = (typed: string) => staff.handOver(typed)

    const first = await handOver(wrong)
    first.assertFlashMessage(
      'error',
      `Code erroné pour la commande ${order.number}. Encore 4 essais avant le blocage de la remise.`
    )
    assert.equal(await wrongCodesOf(order), 1)
    const typo = await handOver('12345')
    typo.assertFlashMessage('error', 'Un code de retrait compte 6 chiffres : vérifiez la saisie.')
    assert.equal(await wrongCodesOf(order), 1, 'a typing slip is not a guess')

    for (let attempt = 2; attempt <= 4; attempt++) await handOver(wrong)
    const fifth = await handOver(wrong)
    fifth.assertFlashMessage(
      'error',
      `Code erroné. C'était le dernier essai : la remise de la commande ${order.number} est bloquée jusqu'à l'envoi d'un nouveau code.`
    )
    const notes = await OrderEvent.query()
      .where('order_id', order.id)
      .where('note', 'like', 'wrong pickup code%')
      .orderBy('id')
    assert.deepEqual(
      notes.map((event) => [event.note, event.actor]),
      [1, 2, 3, 4, 5].map((count) => [`wrong pickup code (${count}/5)`, owner.fullName])
    )

    const locked = await handOver(code)
    locked.assertFlashMessage(
      'error',
      `Remise bloquée pour la commande ${order.number} : trop de codes erronés. Envoyez un nouveau code au client.`
    )
    assert.equal(await statusOf(order.id), 'shipped', 'even the right code hands nothing over')
    const page = await client.get(`/admin/orders/${order.id}`).loginAs(owner)
    assert.include(page.text(), 'Remise bloquée : 5 codes erronés ont été saisis.')
    assert.notInclude(page.text(), `action="/admin/orders/${order.id}/pickup/handover"`)

    const renewed = await staff.sendNewCode()
    renewed.assertFlashMessage(
      'success',
      `Un nouveau code de retrait part par e-mail pour la commande ${order.number}.`
    )
    assert.equal(await wrongCodesOf(order), 0)
    await runQueuedJobsNow()
    const emails = mails.ofKind('ready_for_pickup')
    assert.lengthOf(emails, 2)
    const newCode = pickupCodeFrom(emails[1])
    if (newCode !== code) {
      const old = await handOver(code)
      old.assertFlashMessage(
        'error',
        `Code erroné pour la commande ${order.number}. Encore 4 essais avant le blocage de la remise.`
      )
    }

    const collected = await handOver(newCode)
    collected.assertFlashMessage('success', `Commande ${order.number} remise au client.`)
    assert.equal(await statusOf(order.id), 'delivered')
  })

  test('W-03: the right code hands a pay-in-store order over, its payment taken at the counter and the parcel delivered today', async ({
    client,
    assert,
    cleanup,
  }) => {
    const mails = fakeMail(cleanup)
    const order = await clickAndCollect(cleanup)
    const owner = await AdminUserFactory.create()
    const total = Money.of(order.total, 'EUR').format('fr')
    const staff = counter(client, order, owner)

    const ready = await staff.markReady()
    ready.assertFlashMessage(
      'success',
      `Commande ${order.number} prête à être retirée : le client reçoit son code de retrait par e-mail.`
    )
    // Not paid, so not shipped: the order waits unpaid, its stock held, until handover.
    assert.equal(await statusOf(order.id), 'pending_payment')
    assert.equal(await countRows('shipments'), 0)
    await runQueuedJobsNow()
    const [email] = mails.ofKind('ready_for_pickup')
    email.assertTextIncludes(`Reste à régler au retrait : ${total} (${order.paymentMethodLabel}).`)
    email.assertTextIncludes('Retirez-la avant le')
    const code = pickupCodeFrom(email)

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(owner)
    assert.include(page.text(), `J&#x27;ai encaissé ${total}`)

    const unconfirmed = await staff.handOver(code)
    unconfirmed.assertFlashMessage(
      'error',
      `Cochez la case du paiement une fois le montant encaissé : la commande ${order.number} n'est pas encore payée.`
    )
    assert.equal(await wrongCodesOf(order), 0)

    const handedOver = await staff.handOver(` ${code} `, true)
    handedOver.assertFlashMessage('success', `Commande ${order.number} remise au client.`)

    assert.equal(await statusOf(order.id), 'delivered')
    const payment = await Payment.findByOrFail('order_id', order.id)
    assert.equal(payment.status, 'captured')
    assert.equal(payment.amount, order.total)
    assert.isNotNull(await Invoice.findBy('order_id', order.id), 'I-01: paid, so invoiced')
    const parcels = await Shipment.query().where('order_id', order.id).preload('lines')
    assert.lengthOf(parcels, 1)
    assert.equal(parcels[0].lines[0].quantity, 2)
    assert.equal(parcels[0].deliveredAt!.setZone(timeZone).toISODate(), parisToday())
    const shipments = await app.container.make(ShipmentService)
    const remaining = await shipments.remaining(order.id)
    assert.deepEqual([...remaining.values()], [0])
    const pickup = await pickupOf(order)
    assert.isNotNull(pickup.collectedAt)
    assert.isNull(pickup.codeHash, 'a used code is forgotten')

    await runQueuedJobsNow()
    assert.lengthOf(mails.ofKind('payment_received'), 1)
    assert.lengthOf(mails.ofKind('order_delivered'), 1)
    assert.lengthOf(mails.ofKind('order_shipped'), 0)

    const twice = await staff.handOver(code, true)
    twice.assertFlashMessage('error', `La commande ${order.number} n'est pas prête à être retirée.`)
    const tracking = await client.get(trackingUrl(order))
    assert.include(tracking.text(), `Retirée à ${order.pickupPoint!.name} le`)
  })

  test('a home delivery is never made ready for pickup', async ({ client, assert, cleanup }) => {
    const { catalog } = await pickupShop(cleanup)
    const variantId = await productOnSale(catalog, 'HOME-1')
    const order = await placeOrder([{ variantId, quantity: 1 }])
    const payments = await app.container.make(OrderPayments)
    await payments.markPaid(order.id, STAFF)
    const owner = await AdminUserFactory.create()

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(owner)
    assert.notInclude(page.text(), 'Retrait en boutique')
    const refused = await counter(client, order, owner).markReady()
    refused.assertFlashMessage(
      'error',
      `La commande ${order.number} ne se retire pas dans l'une de vos boutiques.`
    )
    assert.equal(await countRows('order_pickups'), 0)
    assert.equal(await countRows('shipments'), 0)
    assert.equal(await statusOf(order.id), 'paid')
  })

  test('an order cancelled at the end of its collection window is not made ready', async ({
    client,
    assert,
    cleanup,
  }) => {
    const order = await clickAndCollect(cleanup)
    const owner = await AdminUserFactory.create()
    const payments = await app.container.make(OrderPayments)
    await payments.cancelUnpaid(order.id, STAFF, 'collection window ended')

    const refused = await counter(client, order, owner).markReady()
    refused.assertFlashMessage(
      'error',
      `La commande ${order.number} ne peut pas être préparée pour le retrait : elle doit être payée, ou se payer au retrait.`
    )
    assert.equal(await countRows('order_pickups'), 0)
  })

  test('support sees where the pickup stands, but neither makes it ready nor hands it over', async ({
    client,
    assert,
    cleanup,
  }) => {
    const order = await clickAndCollect(cleanup, { paid: true })
    const support = await AdminUserFactory.apply('support').create()

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(support)
    assert.include(page.text(), 'Retrait en boutique')
    assert.notInclude(page.text(), `action="/admin/orders/${order.id}/pickup"`)
    const staff = counter(client, order, support)
    for (const response of [
      await staff.markReady(),
      await staff.sendNewCode(),
      await staff.handOver('000000'),
    ]) {
      response.assertStatus(403)
    }
    assert.equal(await countRows('order_pickups'), 0)
  })
})
