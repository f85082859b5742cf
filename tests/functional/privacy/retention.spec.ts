import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { CUSTOMER_PASSWORD, CustomerFactory } from '#database/factories/customer_factory'
import AuditLog from '#models/audit_log'
import ContractArchive from '#models/contract_archive'
import Customer from '#models/customer'
import MarketingConsent from '#models/marketing_consent'
import RetentionSweep from '#services/privacy/retention_sweep'
import { registerSchedules } from '#start/schedule'
import { formatCalendarDay } from '#support/calendar_days'
import { insertOrder } from '#tests/helpers/admin_orders'

/** An instant in Paris, "2029-03-01 10:00". */
function paris(dateTime: string) {
  return DateTime.fromSQL(dateTime, { zone: 'Europe/Paris' })
}

async function consent(email: string, lastContact: string) {
  return MarketingConsent.create({
    email,
    source: 'checkout',
    consentedAt: paris(lastContact),
    lastContactAt: paris(lastContact),
    withdrawnAt: null,
  })
}

async function sweepOn(dateTime: string) {
  const sweep = await app.container.make(RetentionSweep)
  return sweep.run(paris(dateTime).toJSDate())
}

test.group('Retention job', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('TC-35 (R-05): a prospect last seen 1 Mar 2026 who never bought goes on 1 Mar 2029', async ({
    assert,
  }) => {
    await consent('prospect@example.fr', '2026-03-01 18:00')
    // A guest who opted in and bought since is a customer: kept three years from the order.
    await consent('guest@example.fr', '2026-03-01 18:00')
    await insertOrder({ email: 'guest@example.fr', placedAt: paris('2027-01-15 12:00') })

    const before = await sweepOn('2029-02-28 23:30')
    assert.equal(before.prospectsPurged, 0)
    assert.isNotNull(await MarketingConsent.findBy('email', 'prospect@example.fr'))

    const report = await sweepOn('2029-03-01 00:30')

    assert.equal(report.prospectsPurged, 1)
    assert.isNull(await MarketingConsent.findBy('email', 'prospect@example.fr'))
    assert.isNotNull(await MarketingConsent.findBy('email', 'guest@example.fr'))
    const entry = await AuditLog.query()
      .where('action', 'privacy.retention')
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.include(JSON.parse(entry.changes!), { day: '2029-03-01', prospectsPurged: 1 })
  })

  test('R-05: an account unused for two years is warned, then erased a month later', async ({
    assert,
    cleanup,
  }) => {
    const { messages } = mail.fake()
    cleanup(() => mail.restore())
    const idle = await CustomerFactory.merge({ lastActivityAt: paris('2026-03-01 10:00') }).create()
    const back = await CustomerFactory.merge({ lastActivityAt: paris('2026-03-01 10:00') }).create()
    const buyer = await CustomerFactory.merge({
      lastActivityAt: paris('2026-03-01 10:00'),
    }).create()
    await insertOrder({
      customerId: buyer.id,
      email: buyer.email,
      status: 'closed',
      placedAt: paris('2027-06-01 10:00'),
    })
    const orderId = await insertOrder({
      customerId: idle.id,
      email: idle.email,
      status: 'closed',
      placedAt: paris('2026-02-20 10:00'),
    })

    const early = await sweepOn('2028-02-29 12:00')
    assert.equal(early.accountsWarned, 0)

    const warning = await sweepOn('2028-03-01 12:00')
    assert.equal(warning.accountsWarned, 2)
    const sent = messages.sent()
    assert.sameMembers(
      sent.map((message) => JSON.stringify(message.toJSON().message.to)),
      [idle.email, back.email].map((address) => JSON.stringify([address]))
    )
    const warned = sent[0].toJSON().message
    assert.include(warned.subject!, 'va être supprimé')
    assert.include(String(warned.html), '/account/login')
    assert.include(String(warned.text), formatCalendarDay('2028-03-31', 'fr'))
    // One of them comes back after the warning.
    await db
      .from('customers')
      .where('id', back.id)
      .update({
        last_activity_at: paris('2028-03-05 09:00').toUTC().toFormat('yyyy-MM-dd HH:mm:ss'),
      })

    const grace = await sweepOn('2028-03-20 12:00')
    assert.equal(grace.accountsErased, 0)

    const report = await sweepOn('2028-04-01 12:00')

    assert.equal(report.accountsErased, 1)
    assert.isNull(await Customer.find(idle.id))
    assert.isNotNull(await Customer.find(back.id))
    assert.isNotNull(await Customer.find(buyer.id))
    // the order stays for the accounts, anonymised.
    const order = await db.from('orders').where('id', orderId).first()
    assert.equal(order.email, 'anonymised@erased.invalid')
    assert.isNull(order.customer_id)
  })

  test('R-05: an account with no recorded activity is never warned nor erased', async ({
    assert,
  }) => {
    mail.fake()
    const unknown = await CustomerFactory.merge({ lastActivityAt: null }).create()
    await db
      .from('customers')
      .where('id', unknown.id)
      .update({ created_at: paris('2020-01-01 10:00').toUTC().toFormat('yyyy-MM-dd HH:mm:ss') })
    // Even one somehow warned already is kept.
    const warned = await CustomerFactory.merge({
      lastActivityAt: null,
      inactivityWarnedAt: paris('2026-01-01 10:00'),
    }).create()

    const report = await sweepOn('2028-04-01 12:00')
    mail.restore()

    assert.equal(report.accountsWarned, 0)
    assert.equal(report.accountsErased, 0)
    assert.isNotNull(await Customer.find(unknown.id))
    assert.isNotNull(await Customer.find(warned.id))
  })

  test('R-05: signing in counts as activity and cancels a warning', async ({ client, assert }) => {
    const customer = await CustomerFactory.merge({
      lastActivityAt: paris('2024-01-10 10:00'),
      inactivityWarnedAt: paris('2026-01-10 10:00'),
    }).create()

    const response = await client
      .post('/account/login')
      .form({ email: customer.email, password: CUSTOMER_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/account')
    await customer.refresh()
    assert.isNull(customer.inactivityWarnedAt)
    assert.isAbove(customer.lastActivityAt!.toMillis(), Date.now() - 60_000)
  })

  test('P-09: a contract of €120 or more missed at placement is archived by the job', async ({
    assert,
  }) => {
    const orderId = await insertOrder({ total: 15_000, number: 'CMD-2026-009001' })
    await insertOrder({ total: 11_999, number: 'CMD-2026-009002' })

    const report = await sweepOn('2026-11-24 12:00')

    assert.equal(report.contractsArchived, 1)
    const archive = await ContractArchive.findByOrFail('order_number', 'CMD-2026-009001')
    assert.equal(archive.orderId, orderId)
    assert.isNull(await ContractArchive.findBy('order_number', 'CMD-2026-009002'))
    const again = await sweepOn('2026-11-25 12:00')
    assert.equal(again.contractsArchived, 0)
  })

  test('P-09: a contract past its ten years is not archived again once expired', async ({
    assert,
  }) => {
    await insertOrder({
      total: 15_000,
      number: 'CMD-2016-000001',
      placedAt: paris('2016-11-23 12:00'),
    })
    await insertOrder({
      total: 15_000,
      number: 'CMD-2016-000002',
      placedAt: paris('2016-11-24 12:00'),
    })

    const report = await sweepOn('2026-11-24 12:00')

    assert.equal(report.contractsArchived, 1)
    assert.isNull(await ContractArchive.findBy('order_number', 'CMD-2016-000001'))
    assert.isNotNull(await ContractArchive.findBy('order_number', 'CMD-2016-000002'))
  })

  test('P-09: a contract that cannot be archived is logged and counted; the others go on', async ({
    assert,
  }) => {
    const broken = await insertOrder({ total: 15_000, number: 'CMD-2026-009101' })
    await insertOrder({ total: 15_000, number: 'CMD-2026-009102' })
    await db.from('orders').where('id', broken).update({ snapshot: 'null' })

    const report = await sweepOn('2026-11-24 12:00')

    assert.equal(report.contractsFailed, 1)
    assert.equal(report.contractsArchived, 1)
    assert.isNotNull(await ContractArchive.findBy('order_number', 'CMD-2026-009102'))
    assert.isNull(await ContractArchive.findBy('order_number', 'CMD-2026-009101'))
  })
})

test.group('Retention job schedule', (group) => {
  // The queue writes through its own connection: no test transaction around it.
  group.each.setup(() => testUtils.db().truncate())

  test('the job runs every day', async ({ assert }) => {
    await registerSchedules()

    const schedule = await db.from('queue_schedules').where('id', 'apply-retention-rules').first()

    assert.equal(schedule.cron_expression, '0 4 * * *')
    assert.equal(schedule.timezone, 'Europe/Paris')
  })
})
