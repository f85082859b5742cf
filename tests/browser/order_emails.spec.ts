import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import { Mailer } from '@adonisjs/mail'
import { DEMO_ADMIN } from '#database/seeders/demo_seeder'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import OrderEmails from '#services/orders/order_emails'
import { ORDER_EMAIL_KINDS } from '#services/orders/order_mail'
import OrderPayments from '#services/orders/order_payments'
import ShipmentService from '#services/orders/shipment_service'
import OutboxService from '#services/outbox_service'
import { FileMailTransport } from '#support/file_mail_transport'
import { assertAccessible } from '#tests/helpers/accessibility'
import { cartReadyToOrder, checkoutShop, productOnSale, placeCart } from '#tests/helpers/checkout'
import { resetToDemoShop } from '#tests/helpers/database'
import { fakeMail } from '#tests/helpers/mail'

const STAFF = { label: 'Claire (owner)', adminUserId: null }

/**
 * axe on the page itself. axe-core/playwright's default run waits forever for
 * a frame sandboxed without scripts (the Outbox's preview); its legacy run
 * stays in the page. The e-mail shown there is checked on its own above.
 */
async function assertAccessibleOutsideFrames(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ iframes: false })
    .analyze()
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  if (blocking.length) {
    throw new Error(blocking.map((v) => `${v.impact} ${v.id}: ${v.help}`).join('\n'))
  }
}

/** An order that went through everything an e-mail tells: paid, shipped, delivered, late. */
async function orderWithHistory(cleanup: Parameters<typeof checkoutShop>[0]) {
  const { catalog } = await checkoutShop(cleanup)
  const variantId = await productOnSale(catalog, 'MAR-39', { priceAmount: 4990 })
  const cart = await cartReadyToOrder([{ variantId, quantity: 2 }])
  const order = await placeCart(cart, { ip: null })
  const payments = await app.container.make(OrderPayments)
  await payments.start(order, 'fr')
  await payments.markPaid(order.id, STAFF)
  const [line] = await OrderLine.query().where('order_id', order.id)
  const shipments = await app.container.make(ShipmentService)
  const shipment = await shipments.ship(
    order.id,
    {
      lines: [{ orderLineId: line.id, quantity: 2 }],
      carrier: 'Colissimo',
      trackingNumber: '6A12345678901',
      trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    },
    STAFF
  )
  await shipments.markDelivered(shipment.id, DateTime.now(), STAFF)
  await db
    .from('orders')
    .where('id', order.id)
    .update({ revised_delivery_to: DateTime.now().plus({ days: 3 }).toISODate() })
  return { order: await Order.findOrFail(order.id), shipmentId: shipment.id }
}

test.group('M-04: accessible e-mails', (group) => {
  group.each.setup(() => resetToDemoShop())

  test('every order e-mail passes axe', async ({ browserContext, cleanup }) => {
    fakeMail(cleanup)
    const { order, shipmentId } = await orderWithHistory(cleanup)
    const emails = await app.container.make(OrderEmails)
    const page = await browserContext.newPage()

    for (const kind of ORDER_EMAIL_KINDS) {
      const message = await emails.compose(order, { kind, orderId: order.id, shipmentId })
      await message.buildWithContents()
      await page.setContent(String(message.message.nodeMailerMessage.html))
      await assertAccessible(page)
    }
  })

  test('the Outbox lists and shows a caught e-mail, accessibly', async ({ visit, cleanup }) => {
    fakeMail(cleanup)
    const { order } = await orderWithHistory(cleanup)
    const directory = await mkdtemp(join(tmpdir(), 'comptoir-outbox-'))
    app.container.swap(OutboxService, () => new OutboxService(directory))
    cleanup(async () => {
      app.container.restore(OutboxService)
      await rm(directory, { recursive: true, force: true })
    })
    const emails = await app.container.make(OrderEmails)
    const confirmation = await emails.compose(order, {
      kind: 'order_confirmation',
      orderId: order.id,
    })
    await new Mailer('file', new FileMailTransport(directory), emitter).send(confirmation)

    const page = await visit('/admin/login')
    await page.getByLabel('Adresse e-mail').fill(DEMO_ADMIN.email)
    await page.getByLabel('Mot de passe').fill(DEMO_ADMIN.password)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: "Boîte d'envoi" })
      .click()
    await page.assertPath('/admin/outbox')
    await page.assertTextContains('[role="status"]', '1 message enregistré')
    await assertAccessible(page)

    await page.getByRole('link', { name: `Confirmation de votre commande ${order.number}` }).click()
    await page.assertTextContains('h1', `Confirmation de votre commande ${order.number}`)
    await page.assertExists('iframe[sandbox=""]')
    await page.assertExists(page.getByText('cgv-v1-fr.pdf (application/pdf'))
    await page.assertExists(page.getByText('formulaire-de-retractation.pdf (application/pdf'))
    await assertAccessibleOutsideFrames(page)
  })
})
