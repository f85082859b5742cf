import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import { DateTime } from 'luxon'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import AuditLog from '#models/audit_log'
import Cart from '#models/cart'
import ContractArchive from '#models/contract_archive'
import type Customer from '#models/customer'
import CustomerAddress from '#models/customer_address'
import Invoice from '#models/invoice'
import MarketingConsent from '#models/marketing_consent'
import Order from '#models/order'
import OrderEvent from '#models/order_event'
import { CUSTOMER_PASSWORD, CustomerFactory } from '#database/factories/customer_factory'
import { contractRetentionEnd, invoiceRetentionEnd } from '#domain/data_retention'
import OrderPayments from '#services/orders/order_payments'
import { ANONYMISED_EMAIL } from '#services/privacy/account_erasure'
import MarketingConsents from '#services/privacy/marketing_consents'
import { parisDate } from '#domain/paris_time'
import { formatCalendarDay } from '#support/calendar_days'
import { sqlTimestamp } from '#support/sql_timestamp'
import {
  PARIS_ADDRESS,
  cartReadyToOrder,
  checkoutShop,
  placeCart,
  productOnSale,
} from '#tests/helpers/checkout'
import { pdfText } from '#tests/helpers/legal'

const STAFF = { label: 'Claire (owner)', adminUserId: null }

type Catalog = Awaited<ReturnType<typeof checkoutShop>>['catalog']

/** An order of the customer, paid (so invoiced), then in the given state. */
async function orderOf(
  customer: Customer | null,
  variantId: number,
  status: string,
  email = customer?.email ?? 'guest@example.fr'
) {
  const cart = await cartReadyToOrder([{ variantId, quantity: 1 }], { email })
  const order = await placeCart(cart, {
    shopper: { customerId: customer?.id ?? null, email: customer?.email ?? null },
  })
  const payments = await app.container.make(OrderPayments)
  await payments.markPaid(order.id, STAFF)
  await db.from('orders').where('id', order.id).update({ status })
  return Order.findOrFail(order.id)
}

/** A customer with an address, a cart, a marketing consent and two delivered orders. */
async function customerWithHistory(catalog: Catalog) {
  const customer = await CustomerFactory.merge({ firstName: 'Claire', lastName: 'Martin' })
    .with('addresses', 1)
    .create()
  const cheap = await productOnSale(catalog, 'CHEAP-1', { priceAmount: 11_000 })
  const dear = await productOnSale(catalog, 'DEAR-1', { priceAmount: 14_000 })
  const small = await orderOf(customer, cheap, 'delivered')
  const large = await orderOf(customer, dear, 'closed')
  const cart = await cartReadyToOrder([{ variantId: cheap, quantity: 1 }])
  await cart.merge({ customerId: customer.id }).save()
  const consents = await app.container.make(MarketingConsents)
  await consents.optIn({ email: customer.email, source: 'registration', customerId: customer.id })
  return { customer, small, large, cheap }
}

function deleteAccount(client: ApiClient, customer: Customer, password: string) {
  return client
    .delete('/account')
    .form({ password })
    .withGuard('customer')
    .loginAs(customer)
    .withCsrfToken()
    .redirects(0)
}

test.group('Personal data: export and account deletion', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('R-03: the customer downloads everything held about them as JSON', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { customer, small, large, cheap } = await customerWithHistory(catalog)
    // Placed as a guest with the same e-mail: not the account's, never exported.
    await orderOf(null, cheap, 'closed', customer.email)

    const response = await client
      .get('/account/privacy/export.json')
      .withGuard('customer')
      .loginAs(customer)

    response.assertStatus(200)
    assert.include(response.header('content-type'), 'application/json')
    assert.include(response.header('content-disposition'), 'attachment')
    assert.equal(response.header('cache-control'), 'private, no-store')
    const data = JSON.parse(response.text())
    assert.equal(data.format, 'comptoir.personal_data.v1')
    assert.equal(data.profile.email, customer.email)
    assert.equal(data.profile.lastName, 'Martin')
    assert.lengthOf(data.addresses, 1)
    assert.lengthOf(data.cart, 1)
    assert.deepEqual(
      data.orders.map((order: { number: string }) => order.number),
      [small.number, large.number]
    )
    assert.deepEqual(data.orders[0].total, { amount: small.total, currency: 'EUR' })
    assert.equal(data.orders[1].billingAddress.lastName, PARIS_ADDRESS.lastName)
    assert.include(data.marketingConsent, { optedIn: true, source: 'registration' })
    assert.deepEqual(
      data.contracts.map((contract: { orderNumber: string }) => contract.orderNumber),
      [large.number]
    )
  })

  test('TC-36 (P-09): a contract of €120.00 or more is archived at placement, not one of €119.99', async ({
    cleanup,
    assert,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    // Delivery is added on top: 119.99 in all needs the items below it.
    const under = await productOnSale(catalog, 'UNDER-1', { priceAmount: 11_000 })
    const over = await productOnSale(catalog, 'OVER-1', { priceAmount: 12_000 })
    const small = await placeCart(await cartReadyToOrder([{ variantId: under, quantity: 1 }]))
    const large = await placeCart(await cartReadyToOrder([{ variantId: over, quantity: 1 }]))
    assert.isBelow(small.total, 12_000)
    assert.isAtLeast(large.total, 12_000)

    assert.isNull(await ContractArchive.findBy('order_number', small.number))
    const archive = await ContractArchive.findByOrFail('order_number', large.number)
    assert.equal(archive.content.buyer.email, 'claire@example.fr')
    assert.equal(archive.content.totals.total, large.total)
    assert.equal(
      archive.retainUntil.toISODate(),
      contractRetentionEnd(parisDate(large.placedAt.toJSDate()), null)
    )
  })

  test('P-09: a contract is kept ten years from its delivery when the goods arrive later', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'LATER-1', { priceAmount: 15_000 })
    const order = await placeCart(await cartReadyToOrder([{ variantId, quantity: 1 }]))
    const deliveredAt = DateTime.now().plus({ days: 3 })
    const [shipmentId] = await db.table('shipments').insert({
      order_id: order.id,
      shipped_at: sqlTimestamp(),
      delivered_at: sqlTimestamp(deliveredAt),
      created_at: sqlTimestamp(),
      updated_at: sqlTimestamp(),
    })

    await emitter.emit('order:delivered', { orderId: order.id, shipmentId: Number(shipmentId) })

    const archive = await ContractArchive.findByOrFail('order_number', order.number)
    assert.equal(
      archive.retainUntil.toISODate(),
      contractRetentionEnd(parisDate(order.placedAt.toJSDate()), parisDate(deliveredAt.toJSDate()))
    )
    assert.notEqual(
      archive.retainUntil.toISODate(),
      contractRetentionEnd(parisDate(order.placedAt.toJSDate()), null)
    )
  })

  test('P-09: the customer gets an archived contract back from the account, as a PDF', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { customer, large } = await customerWithHistory(catalog)

    const page = await client.get('/account/privacy').withGuard('customer').loginAs(customer)
    const link = new RegExp(
      `href="(/orders/${large.number}/contract\\.pdf\\?signature=[^"]+)"`
    ).exec(page.text())?.[1]
    assert.exists(link)

    const pdf = await client
      .get(link!.replaceAll('&amp;', '&'))
      .withGuard('customer')
      .loginAs(customer)
    pdf.assertStatus(200)
    assert.equal(pdf.header('content-type'), 'application/pdf')
    const text = await pdfText(pdf.body())
    assert.include(text, `Contrat de vente ${large.number}`)
    assert.include(text, 'DEAR-1')
    assert.include(text, 'Martin')

    // Nobody else opens it without the signed link.
    const stranger = await CustomerFactory.create()
    const refused = await client
      .get(`/orders/${large.number}/contract.pdf`)
      .withGuard('customer')
      .loginAs(stranger)
    refused.assertStatus(404)

    // Staff find it by its order number, for a customer whose account is gone.
    const owner = await AdminUserFactory.create()
    const found = await client.get('/admin/privacy').qs({ number: large.number }).loginAs(owner)
    assert.include(found.text(), `href="/admin/privacy/contracts/${large.number}.pdf"`)
    const copy = await client.get(`/admin/privacy/contracts/${large.number}.pdf`).loginAs(owner)
    copy.assertStatus(200)
    assert.include(await pdfText(copy.body()), `Contrat de vente ${large.number}`)
  })

  test('R-03/R-04: deleting the account erases the profile, keeps invoices and anonymises orders', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { customer, small, large, cheap } = await customerWithHistory(catalog)
    // A guest order placed with the account's e-mail is not the account's:
    // the address was never verified.
    const guestOrder = await orderOf(null, cheap, 'closed', customer.email)
    // The timeline names the recipient of each e-mail sent.
    await db.table('order_events').insert({
      order_id: small.id,
      type: 'email',
      actor: 'system',
      note: `order_confirmation sent to ${customer.email}`,
      created_at: sqlTimestamp(),
    })
    const invoicesBefore = await Invoice.query().orderBy('id')

    const refused = await deleteAccount(client, customer, 'pas-le-bon-mot-de-passe')
    refused.assertHeader('location', '/account/delete')
    assert.isNotNull(await CustomerAddress.findBy('customer_id', customer.id))

    const confirm = await client.get('/account/delete').withGuard('customer').loginAs(customer)
    assert.include(
      confirm.text(),
      formatCalendarDay(invoiceRetentionEnd(parisDate(new Date())), 'fr')
    )

    const response = await deleteAccount(client, customer, CUSTOMER_PASSWORD)

    response.assertHeader('location', '/')
    response.assertFlashMessage('notice', 'Votre compte a été supprimé.')
    assert.isNull(await db.from('customers').where('id', customer.id).first())
    assert.isNull(await CustomerAddress.findBy('customer_id', customer.id))
    assert.isNull(await Cart.findBy('customer_id', customer.id))
    assert.isNull(await MarketingConsent.findBy('email', customer.email))

    const guest = await Order.findOrFail(guestOrder.id)
    assert.equal(guest.email, customer.email)
    assert.equal(guest.billingAddress.lastName, PARIS_ADDRESS.lastName)

    for (const before of [small, large]) {
      const order = await Order.findOrFail(before.id)
      assert.equal(order.email, ANONYMISED_EMAIL)
      assert.isNull(order.customerId)
      assert.isNull(order.placedIp)
      assert.deepEqual(order.billingAddress, {
        countryCode: 'FR',
        postalCode: '',
        city: '',
        lines: [],
      })
      // Amounts and lines stay for the accounts.
      assert.equal(order.total, before.total)
    }
    const note = await OrderEvent.query()
      .where('order_id', small.id)
      .where('type', 'email')
      .firstOrFail()
    assert.equal(note.note, 'order_confirmation sent to [erased]')

    // I-06: invoices are untouched, buyer's name included.
    const invoicesAfter = await Invoice.query().orderBy('id')
    assert.deepEqual(
      invoicesAfter.map((invoice) => invoice.snapshot),
      invoicesBefore.map((invoice) => invoice.snapshot)
    )
    assert.lengthOf(invoicesAfter, 3)
    // P-09: the €140 contract keeps its parties in its archive.
    const archive = await ContractArchive.findByOrFail('order_number', large.number)
    assert.equal(archive.content.buyer.billingAddress.lastName, PARIS_ADDRESS.lastName)
    assert.isNull(await ContractArchive.findBy('order_number', small.number))

    const entry = await AuditLog.query().where('action', 'customer.erase').firstOrFail()
    assert.equal(entry.entityId, String(customer.id))
    assert.notInclude(entry.changes ?? '', customer.email)
  })

  test('R-03: an account with an order in progress cannot be deleted yet', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const customer = await CustomerFactory.create()
    const variantId = await productOnSale(catalog, 'OPEN-1')
    const open = await orderOf(customer, variantId, 'processing')

    const page = await client.get('/account/delete').withGuard('customer').loginAs(customer)
    assert.include(page.text(), open.number)
    assert.notInclude(page.text(), 'name="password"')

    const response = await deleteAccount(client, customer, CUSTOMER_PASSWORD)

    response.assertHeader('location', '/account/delete')
    response.assertFlashMessage('inputErrorsBag', {
      password: [
        `Votre compte ne peut pas être supprimé tant que ces commandes sont en cours : ${open.number}.`,
      ],
    })
    assert.isNotNull(await db.from('customers').where('id', customer.id).first())
    const kept = await Order.findOrFail(open.id)
    assert.equal(kept.email, customer.email)
  })
})
