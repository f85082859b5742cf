import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { addDays } from '@comptoir/contracts/french_calendar'
import { revisedDeliveryDate } from '#domain/late_delivery'
import NotifyLateDeliveries from '#jobs/notify_late_deliveries'
import type Order from '#models/order'
import OrderEvent from '#models/order_event'
import OrderLine from '#models/order_line'
import { parisDate } from '#domain/paris_time'
import { lateOrders } from '#services/orders/late_deliveries'
import ShipmentService from '#services/orders/shipment_service'
import { formatCalendarDay } from '#support/calendar_days'
import { registerSchedules } from '#start/schedule'
import { cartReadyToOrder, checkoutShop, productOnSale, placeCart } from '#tests/helpers/checkout'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'

const STAFF = { label: 'Claire (owner)', adminUserId: null }

/** A paid order (marked so directly: payments are not what these tests are about). */
async function paidOrder(variantId: number, email: string) {
  const cart = await cartReadyToOrder([{ variantId, quantity: 1 }], { email })
  const order = await placeCart(cart, { ip: null })
  await db.from('orders').where('id', order.id).update({ status: 'paid' })
  return order
}

async function promiseDay(order: Order, day: string) {
  await db.from('orders').where('id', order.id).update({ estimated_delivery_to: day })
}

/** The scheduled check, then the e-mails it queued. */
async function runLateDeliveryJob() {
  await NotifyLateDeliveries.dispatch({})
  await runQueuedJobsNow()
  await runQueuedJobsNow()
}

test.group('Late deliveries', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('D-01: an order past its date is announced once, with a new date; shipped and on-time orders are not', async ({
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'LATE-1', { quantity: 10 })
    const late = await paidOrder(variantId, 'late@example.fr')
    const shipped = await paidOrder(variantId, 'shipped@example.fr')
    const onTime = await paidOrder(variantId, 'ontime@example.fr')
    const today = parisDate(new Date())
    await promiseDay(late, addDays(today, -1))
    await promiseDay(shipped, addDays(today, -1))
    await promiseDay(onTime, today)
    const [shippedLine] = await OrderLine.query().where('order_id', shipped.id)
    const shipments = await app.container.make(ShipmentService)
    await shipments.ship(
      shipped.id,
      { lines: [{ orderLineId: shippedLine.id, quantity: 1 }] },
      STAFF
    )
    await runQueuedJobsNow()
    const before = messages.sent().length

    await runLateDeliveryJob()

    await late.refresh()
    const revised = revisedDeliveryDate(today, late.snapshot.shipping.delayDays)
    assert.equal(late.revisedDeliveryTo?.toISODate(), revised)
    assert.isNotNull(late.delayNotifiedAt)
    const note = await OrderEvent.query()
      .where('order_id', late.id)
      .where('type', 'note')
      .firstOrFail()
    assert.equal(
      note.note,
      `delivery late (promised ${addDays(today, -1)}): new estimate ${revised}`
    )
    const sent = messages.sent().slice(before)
    assert.lengthOf(sent, 1)
    sent[0].assertTo('late@example.fr')
    sent[0].assertSubject(`Retard de livraison de votre commande ${late.number} – Comptoir`)
    sent[0].assertTextIncludes('Nous sommes désolés')
    sent[0].assertTextIncludes(
      `Nouvelle date de livraison estimée : au plus tard le ${formatCalendarDay(revised, 'fr')}.`
    )
    for (const other of [shipped, onTime]) {
      await other.refresh()
      assert.isNull(other.delayNotifiedAt, other.email)
      assert.isNull(other.revisedDeliveryTo, other.email)
    }

    const notifiedAt = late.delayNotifiedAt!.toISO()
    await runLateDeliveryJob()

    assert.lengthOf(messages.sent().slice(before), 1, 'a second run sends nothing')
    await late.refresh()
    assert.equal(late.delayNotifiedAt!.toISO(), notifiedAt)
    assert.lengthOf(await OrderEvent.query().where('order_id', late.id).where('type', 'note'), 1)
  })

  test('lateOrders() lists the unshipped orders past their date, most overdue first', async ({
    assert,
    cleanup,
  }) => {
    fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'LATE-2', { quantity: 10 })
    const today = parisDate(new Date())
    const recent = await paidOrder(variantId, 'recent@example.fr')
    const oldest = await paidOrder(variantId, 'oldest@example.fr')
    const onTime = await paidOrder(variantId, 'ontime@example.fr')
    const unpaid = await paidOrder(variantId, 'unpaid@example.fr')
    await db.from('orders').where('id', unpaid.id).update({ status: 'pending_payment' })
    await promiseDay(recent, addDays(today, -1))
    await promiseDay(oldest, addDays(today, -5))
    await promiseDay(onTime, today)
    await promiseDay(unpaid, addDays(today, -5))

    const listed = await lateOrders()

    assert.deepEqual(
      listed.map((order) => order.email),
      ['oldest@example.fr', 'recent@example.fr']
    )
  })

  test('the late-delivery check runs every morning', async ({ assert }) => {
    await registerSchedules()
    const schedule = await db.from('queue_schedules').where('id', 'notify-late-deliveries').first()
    assert.equal(schedule.cron_expression, '0 7 * * *')
    assert.equal(schedule.timezone, 'Europe/Paris')
  })
})
