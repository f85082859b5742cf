import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { insertCustomer } from '#tests/helpers/coupons'
import { insertOrder } from '#tests/helpers/admin_orders'
import type { ApiClient } from '@japa/api-client'
import type AdminUser from '#models/admin_user'

/** The order numbers a grid page lists, in its order. */
function listed(html: string): string[] {
  return [...html.matchAll(/<a href="\/admin\/orders\/\d+">(CMD-[\d-]+)<\/a>/g)].map(
    (match) => match[1]
  )
}

async function grid(client: ApiClient, admin: AdminUser, qs: Record<string, string>) {
  const response = await client.get('/admin/orders').qs(qs).loginAs(admin)
  response.assertStatus(200)
  return listed(response.text())
}

test.group('Back-office order grid', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('filters by status, orders to ship, payment and shipping method, country and customer', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const customerId = await insertCustomer('marie@example.fr')
    await insertOrder({ number: 'CMD-2026-000001', status: 'pending_payment', paidAt: null })
    await insertOrder({ number: 'CMD-2026-000002', status: 'paid' })
    await insertOrder({ number: 'CMD-2026-000003', status: 'partially_shipped' })
    await insertOrder({ number: 'CMD-2026-000004', status: 'shipped', paymentMethod: 'card' })
    await insertOrder({
      number: 'CMD-2026-000005',
      status: 'delivered',
      shippingMethod: 'click-collect',
      shipping: null,
      billing: { countryCode: 'BE', postalCode: '1000', city: 'Bruxelles' },
      customerId,
      email: 'marie@example.fr',
    })
    await insertOrder({ number: 'CMD-2026-000006', shipping: { countryCode: 'BE' } })

    assert.deepEqual(await grid(client, owner, { status: 'paid', sort: 'number_asc' }), [
      'CMD-2026-000002',
      'CMD-2026-000006',
    ])
    assert.deepEqual(await grid(client, owner, { status: 'to_ship', sort: 'number_asc' }), [
      'CMD-2026-000002',
      'CMD-2026-000003',
      'CMD-2026-000006',
    ])
    assert.deepEqual(await grid(client, owner, { payment: 'card' }), ['CMD-2026-000004'])
    assert.deepEqual(await grid(client, owner, { shipping: 'click-collect' }), ['CMD-2026-000005'])
    // Without a delivery address the order goes where it is billed.
    assert.deepEqual(await grid(client, owner, { country: 'be', sort: 'number_asc' }), [
      'CMD-2026-000005',
      'CMD-2026-000006',
    ])
    assert.deepEqual(await grid(client, owner, { customer: String(customerId) }), [
      'CMD-2026-000005',
    ])
  })

  test('a date range is a range of Paris days, both included', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    // 23:30 UTC on 1 March is 00:30 on 2 March in Paris.
    await insertOrder({
      number: 'CMD-2026-000010',
      placedAt: DateTime.fromISO('2026-03-01T23:30:00Z'),
    })
    await insertOrder({
      number: 'CMD-2026-000011',
      placedAt: DateTime.fromISO('2026-03-01T22:30:00Z'),
    })
    await insertOrder({
      number: 'CMD-2026-000012',
      placedAt: DateTime.fromISO('2026-03-03T22:59:00Z'),
    })
    await insertOrder({
      number: 'CMD-2026-000013',
      placedAt: DateTime.fromISO('2026-03-03T23:00:00Z'),
    })

    assert.deepEqual(
      await grid(client, owner, { from: '2026-03-02', to: '2026-03-03', sort: 'date_asc' }),
      ['CMD-2026-000010', 'CMD-2026-000012']
    )
    assert.deepEqual(await grid(client, owner, { to: '2026-03-01' }), ['CMD-2026-000011'])

    const backwards = await client
      .get('/admin/orders')
      .qs({ from: '2026-03-03', to: '2026-03-02' })
      .loginAs(owner)
      .redirects(0)
    backwards.assertStatus(302)
  })

  test('searches the number, the e-mail and the billing name, whatever the case', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    await insertOrder({
      number: 'CMD-2026-000021',
      billing: { firstName: 'Hélène', lastName: 'Vuillet' },
    })
    await insertOrder({ number: 'CMD-2026-000022', email: 'jules.morez@example.fr' })
    await insertOrder({ number: 'CMD-2026-000123' })

    assert.deepEqual(await grid(client, owner, { q: '000123' }), ['CMD-2026-000123'])
    assert.deepEqual(await grid(client, owner, { q: 'JULES.MOREZ' }), ['CMD-2026-000022'])
    assert.deepEqual(await grid(client, owner, { q: 'hélène vuil' }), ['CMD-2026-000021'])
    assert.deepEqual(await grid(client, owner, { q: 'vuillet' }), ['CMD-2026-000021'])
    // Wildcards are taken literally.
    assert.deepEqual(await grid(client, owner, { q: '%' }), [])
    assert.deepEqual(await grid(client, owner, { q: 'CMD_2026' }), [])
  })

  test('sorts by date, total and number, and pages by 25', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    const start = DateTime.fromISO('2026-02-01T10:00:00Z')
    for (let index = 1; index <= 30; index++) {
      await insertOrder({
        number: `CMD-2026-${String(index).padStart(6, '0')}`,
        placedAt: start.plus({ hours: index }),
        total: ((index * 7) % 30) * 1000 + index,
      })
    }

    const newest = await grid(client, owner, {})
    assert.lengthOf(newest, 25)
    assert.equal(newest[0], 'CMD-2026-000030')
    const secondPage = await grid(client, owner, { page: '2' })
    assert.deepEqual(secondPage, [
      'CMD-2026-000005',
      'CMD-2026-000004',
      'CMD-2026-000003',
      'CMD-2026-000002',
      'CMD-2026-000001',
    ])
    const oldest = await grid(client, owner, { sort: 'date_asc' })
    assert.equal(oldest[0], 'CMD-2026-000001')
    const highestNumber = await grid(client, owner, { sort: 'number_desc' })
    assert.equal(highestNumber[0], 'CMD-2026-000030')

    // Totals: (index × 7 mod 30) thousand; index 30 gives 0 and is the smallest.
    const cheapest = await grid(client, owner, { sort: 'total_asc' })
    assert.equal(cheapest[0], 'CMD-2026-000030')
    const dearest = await grid(client, owner, { sort: 'total_desc' })
    // 17 × 7 = 119 = 3 × 30 + 29: the largest remainder.
    assert.equal(dearest[0], 'CMD-2026-000017')
  })

  test('exports the filtered list as CSV for a French spreadsheet', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    await insertOrder({
      number: 'CMD-2026-000031',
      total: 12345,
      billing: { firstName: '=HYPERLINK("http://evil")', lastName: 'Martin' },
      placedAt: DateTime.fromISO('2026-03-01T23:30:00Z'),
    })
    await insertOrder({ number: 'CMD-2026-000032', status: 'cancelled' })

    const response = await client
      .get('/admin/orders/export.csv')
      .qs({ status: 'paid' })
      .loginAs(owner)
    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.match(response.header('content-disposition') ?? '', /attachment; filename="commandes-/)

    const body = response.text()
    assert.isTrue(body.startsWith('\ufeff'), 'starts with a byte-order mark')
    const rows = body.slice(1).trim().split('\n')
    assert.lengthOf(rows, 2)
    assert.equal(
      rows[0],
      'Numéro;Date;État;Paiement;E-mail;Nom de facturation;Pays de destination;Livraison;Moyen de paiement;Articles TTC;Remise;Livraison TTC;TVA;Total TTC;Devise'
    )
    const cells = rows[1].split(';')
    assert.equal(cells[0], 'CMD-2026-000031')
    assert.equal(cells[1], '2026-03-02 00:30')
    assert.equal(cells[2], 'Payée')
    // A name typed as a formula stays text in the spreadsheet.
    assert.match(cells[5], /^"'=HYPERLINK/)
    assert.equal(cells[6], 'FR')
    assert.equal(cells[13], '123,45')
    assert.equal(cells[14], 'EUR')
  })

  test('support reads the grid but gets no mass action', async ({ client, assert }) => {
    const support = await AdminUserFactory.apply('support').create()
    await insertOrder({ number: 'CMD-2026-000041' })

    const response = await client.get('/admin/orders').loginAs(support)
    response.assertStatus(200)
    assert.deepEqual(listed(response.text()), ['CMD-2026-000041'])
    assert.notInclude(response.text(), '/admin/orders/mass-shipments')
  })
})
