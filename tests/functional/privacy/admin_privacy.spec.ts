import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { CustomerFactory } from '#database/factories/customer_factory'
import { requestDeadlines } from '#domain/data_retention'
import AuditLog from '#models/audit_log'
import PrivacyRequest from '#models/privacy_request'
import { parisDate } from '#services/checkout/shipping_offers'
import { formatCalendarDay } from '#support/calendar_days'
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
    const erase = (fields: Record<string, string>) =>
      client
        .post(`/admin/customers/${customer.id}/privacy/erasure`)
        .form(fields)
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0)

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
