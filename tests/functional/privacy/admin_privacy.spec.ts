import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { CustomerFactory } from '#database/factories/customer_factory'
import { requestDeadlines } from '#domain/data_retention'
import type AdminUser from '#models/admin_user'
import AuditLog from '#models/audit_log'
import MarketingConsent from '#models/marketing_consent'
import PrivacyRequest from '#models/privacy_request'
import { parisDate } from '#domain/paris_time'
import { ANONYMISED_EMAIL } from '#services/privacy/account_erasure'
import { formatCalendarDay } from '#support/calendar_days'
import { sqlTimestamp } from '#support/sql_timestamp'
import { insertOrder } from '#tests/helpers/admin_orders'

test.group('Personal data requests in the back office', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('TC-34 (R-03): a request received on 2 Mar 2026 is shown due on 2 Apr 2026', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const customer = await CustomerFactory.merge({
      firstName: 'Claire',
      lastName: 'Martin',
    }).create()

    const response = await client
      .post(`/admin/customers/${customer.id}/privacy/requests`)
      .form({ kind: 'access', received_on: '2026-03-02' })
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', `/admin/customers/${customer.id}/privacy`)
    const request = await PrivacyRequest.findByOrFail('customer_id', customer.id)
    assert.equal(request.dueOn.toISODate(), '2026-04-02')
    const page = await client.get(`/admin/customers/${customer.id}/privacy`).loginAs(owner)
    assert.include(page.text(), formatCalendarDay('2026-04-02', 'fr'))
    const list = await client.get('/admin/privacy').loginAs(owner)
    assert.include(list.text(), 'Claire Martin')
    assert.include(list.text(), formatCalendarDay('2026-04-02', 'fr'))
    // Past its first month: no extension offered any more.
    assert.notInclude(page.text(), 'Prolonger de deux mois')
  })

  test('R-03: an extension of two months only within the first month', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const customer = await CustomerFactory.create()
    const today = parisDate(new Date())
    const extend = (request: PrivacyRequest) =>
      client
        .post(`/admin/customers/${customer.id}/privacy/requests/${request.id}/extension`)
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0)
    const create = (receivedOn: string) =>
      PrivacyRequest.create({
        customerId: customer.id,
        kind: 'erasure',
        receivedOn: DateTime.fromISO(receivedOn),
        dueOn: DateTime.fromISO(requestDeadlines(receivedOn).dueOn),
        handledBy: 'Support',
      })
    const recent = await create(today)
    const old = await create(DateTime.fromISO(today).minus({ months: 2 }).toISODate()!)

    const extended = await extend(recent)
    extended.assertFlashMessage(
      'success',
      'Le délai de réponse est prolongé de deux mois. Prévenez la personne en lui indiquant pourquoi.'
    )
    const refused = await extend(old)
    refused.assertFlashMessage('error', 'Trop tard pour prolonger : le premier mois est écoulé.')
    await recent.refresh()
    await old.refresh()
    assert.equal(recent.extendedDueOn?.toISODate(), requestDeadlines(today).extendedDueOn)
    assert.isNull(old.extendedDueOn)
  })

  test('R-03: staff export a customer’s data; the export is audit-logged; support may not', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const support = await AdminUserFactory.apply('support').create()
    const customer = await CustomerFactory.with('addresses', 2).create()

    const response = await client
      .get(`/admin/customers/${customer.id}/privacy/export.json`)
      .loginAs(owner)

    response.assertStatus(200)
    const data = JSON.parse(response.text())
    assert.equal(data.profile.email, customer.email)
    assert.lengthOf(data.addresses, 2)
    const entry = await AuditLog.query()
      .where('action', 'customer.export')
      .where('entity_id', String(customer.id))
      .firstOrFail()
    assert.equal(entry.adminUserId, owner.id)

    const refused = await client
      .get(`/admin/customers/${customer.id}/privacy/export.json`)
      .loginAs(support)
    refused.assertStatus(403)
  })

  test('R-03/R-04: staff erase on request once they confirm; the request is closed', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const customer = await CustomerFactory.create()
    const orderId = await insertOrder({
      customerId: customer.id,
      email: customer.email,
      status: 'closed',
      total: 5_000,
    })
    const request = await PrivacyRequest.create({
      customerId: customer.id,
      kind: 'erasure',
      receivedOn: DateTime.fromISO('2026-03-02'),
      dueOn: DateTime.fromISO('2026-04-02'),
      handledBy: 'Support',
    })
    const erase = (fields: Record<string, string>) => staffErase(client, owner, customer.id, fields)

    const unconfirmed = await erase({})
    unconfirmed.assertHeader('location', `/admin/customers/${customer.id}/privacy`)
    assert.isNotNull(await db.from('customers').where('id', customer.id).first())

    const response = await erase({ confirm: '1' })

    response.assertHeader('location', '/admin/privacy')
    assert.isNull(await db.from('customers').where('id', customer.id).first())
    const order = await db.from('orders').where('id', orderId).first()
    assert.equal(order.email, 'anonymised@erased.invalid')
    await request.refresh()
    assert.isNotNull(request.completedAt)
    assert.equal(request.handledBy, owner.fullName)
    const entry = await AuditLog.query().where('action', 'customer.erase').firstOrFail()
    assert.equal(entry.adminUserId, owner.id)
  })
})

/** Staff erase the customer's account, confirmed unless told otherwise. */
function staffErase(
  client: ApiClient,
  owner: AdminUser,
  customerId: number,
  fields: Record<string, string> = { confirm: '1' }
) {
  return client
    .post(`/admin/customers/${customerId}/privacy/erasure`)
    .form(fields)
    .loginAs(owner)
    .withCsrfToken()
    .redirects(0)
}

/** The order the helpers inserted, for its number and columns as stored. */
function orderRow(id: number) {
  return db.from('orders').where('id', id).firstOrFail()
}

/** A withdrawal of the order, in the given state, as the consumer wrote it. */
async function withdrawalOf(orderId: number, status: string) {
  const [id] = await db.table('withdrawals').insert({
    order_id: orderId,
    channel: 'online',
    status,
    consumer_name: 'Claire Martin',
    email: 'claire@example.fr',
    reason: 'Trop petit pour Claire',
    sent_at: sqlTimestamp(),
    notified_on: '2026-03-02',
    created_at: sqlTimestamp(),
    updated_at: sqlTimestamp(),
  })
  return Number(id)
}

/** A guarantee claim on the order, in the given state. */
async function claimOf(orderId: number, status: string) {
  const [id] = await db.table('guarantee_claims').insert({
    order_id: orderId,
    status,
    description: 'La lampe de Claire Martin ne s’allume plus',
    preferred_remedy: 'repair',
    requested_on: '2026-03-02',
    due_on: '2026-04-01',
    presumed: true,
    created_at: sqlTimestamp(),
    updated_at: sqlTimestamp(),
  })
  return Number(id)
}

test.group('Personal data requests in the back office: scope', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('R-03: a request is extended or completed only under its own customer', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const customer = await CustomerFactory.create()
    const other = await CustomerFactory.create()
    const today = parisDate(new Date())
    const request = await PrivacyRequest.create({
      customerId: customer.id,
      kind: 'access',
      receivedOn: DateTime.fromISO(today),
      dueOn: DateTime.fromISO(requestDeadlines(today).dueOn),
      handledBy: 'Support',
    })
    const post = (customerId: number, action: string) =>
      client
        .post(`/admin/customers/${customerId}/privacy/requests/${request.id}/${action}`)
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0)

    const extension = await post(other.id, 'extension')
    const completion = await post(other.id, 'completion')

    extension.assertStatus(404)
    completion.assertStatus(404)
    await request.refresh()
    assert.isNull(request.extendedDueOn)
    assert.isNull(request.completedAt)

    const own = await post(customer.id, 'completion')
    own.assertStatus(302)
    await request.refresh()
    assert.isNotNull(request.completedAt)
  })

  test('R-03: guest orders with the account’s e-mail are not the account’s: neither exported nor anonymised', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    // Anyone may register with someone else's address: it is never verified.
    const customer = await CustomerFactory.merge({ email: 'lea@example.fr' }).create()
    const own = await insertOrder({
      customerId: customer.id,
      email: customer.email,
      status: 'closed',
    })
    const guest = await insertOrder({ email: customer.email, status: 'closed' })
    await MarketingConsent.create({
      email: customer.email,
      source: 'checkout',
      consentedAt: DateTime.now(),
      lastContactAt: DateTime.now(),
      withdrawnAt: null,
    })

    const exported = await client
      .get(`/admin/customers/${customer.id}/privacy/export.json`)
      .loginAs(owner)
    const data = JSON.parse(exported.text())
    const numbers = data.orders.map((order: { number: string }) => order.number)
    const ownRow = await orderRow(own)
    assert.deepEqual(numbers, [ownRow.number])
    assert.isNull(data.marketingConsent)

    const erased = await staffErase(client, owner, customer.id)

    erased.assertHeader('location', '/admin/privacy')
    const anonymised = await orderRow(own)
    assert.equal(anonymised.email, ANONYMISED_EMAIL)
    const kept = await orderRow(guest)
    assert.equal(kept.email, 'lea@example.fr')
    assert.include(kept.billing_address, 'Martin')
    assert.isNotNull(await MarketingConsent.findBy('email', 'lea@example.fr'))
  })

  test('R-03/R-04: erasure waits for open withdrawals and claims, then anonymises them', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const customer = await CustomerFactory.create()
    const orderId = await insertOrder({
      customerId: customer.id,
      email: customer.email,
      status: 'delivered',
    })
    const { number } = await orderRow(orderId)
    const withdrawalId = await withdrawalOf(orderId, 'goods_received')
    const claimId = await claimOf(orderId, 'refused_remedy')
    const erase = () => staffErase(client, owner, customer.id)

    const exported = await client
      .get(`/admin/customers/${customer.id}/privacy/export.json`)
      .loginAs(owner)
    const data = JSON.parse(exported.text())
    assert.deepInclude(data.withdrawals[0], {
      orderNumber: number,
      status: 'goods_received',
      consumerName: 'Claire Martin',
      reason: 'Trop petit pour Claire',
    })
    assert.deepInclude(data.guaranteeClaims[0], {
      orderNumber: number,
      status: 'refused_remedy',
      description: 'La lampe de Claire Martin ne s’allume plus',
    })

    const whileWithdrawing = await erase()
    whileWithdrawing.assertFlashMessage(
      'error',
      `Effacement impossible tant que ces commandes sont en cours : ${number}.`
    )
    await db.from('withdrawals').where('id', withdrawalId).update({ status: 'refunded' })
    const whileClaiming = await erase()
    whileClaiming.assertHeader('location', `/admin/customers/${customer.id}/privacy`)
    assert.isNotNull(await db.from('customers').where('id', customer.id).first())

    await db.from('guarantee_claims').where('id', claimId).update({ status: 'closed_unresolved' })
    const response = await erase()

    response.assertHeader('location', '/admin/privacy')
    const withdrawal = await db.from('withdrawals').where('id', withdrawalId).first()
    assert.equal(withdrawal.consumer_name, '[erased]')
    assert.equal(withdrawal.email, ANONYMISED_EMAIL)
    assert.isNull(withdrawal.reason)
    const claim = await db.from('guarantee_claims').where('id', claimId).first()
    assert.equal(claim.description, '[erased]')
    assert.equal(claim.status, 'closed_unresolved')
  })
})
