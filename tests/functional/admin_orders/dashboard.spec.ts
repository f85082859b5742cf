import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import ShippingGap from '#models/shipping_gap'
import DemoSeeder from '#database/seeders/demo_seeder'
import { Money } from '#domain/money'
import { formatCalendarDay } from '#support/calendar_days'
import { insertOrder } from '#tests/helpers/admin_orders'
import { checkoutShop, demoPlugins } from '#tests/helpers/checkout'

/** The cells of the accessible table's row for a Paris day. */
function dayRow(html: string, day: DateTime) {
  const label = `<th scope="row">${formatCalendarDay(day.toISODate()!, 'fr')}</th>`
  const start = html.indexOf(label)
  if (start === -1) return null
  return [...html.slice(start, html.indexOf('</tr>', start)).matchAll(/<td>([^<]*)<\/td>/g)].map(
    (match) => match[1]
  )
}

test.group('Back-office dashboard: orders', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('orders and revenue per day over 30 days, as an SVG chart and the same figures as a table', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const now = DateTime.now().setZone('Europe/Paris')
    await insertOrder({ placedAt: now, total: 5000 })
    await insertOrder({ placedAt: now, total: 2500 })
    await insertOrder({ placedAt: now, total: 9900, status: 'cancelled' })
    await insertOrder({ placedAt: now.minus({ days: 3 }), total: 1000 })
    await insertOrder({ placedAt: now.minus({ days: 40 }), total: 7000 })

    const response = await client.get('/admin').loginAs(owner)
    response.assertStatus(200)
    const html = response.text()

    assert.match(
      html,
      /<svg class="chart" role="img" aria-labelledby="chart-orders-title chart-orders-desc"/
    )
    assert.include(html, '<title id="chart-orders-title">Commandes par jour</title>')
    assert.include(html, '<desc id="chart-orders-desc">')
    assert.include(html, '<title id="chart-revenue-title">')
    const charts = html.split('<svg').slice(1)
    assert.lengthOf(charts, 2)
    assert.lengthOf(charts[0].split('</svg>')[0].match(/<rect /g) ?? [], 30)

    assert.deepEqual(dayRow(html, now), ['2', Money.of(7500, 'EUR').format('fr')])
    assert.deepEqual(dayRow(html, now.minus({ days: 3 })), [
      '1',
      Money.of(1000, 'EUR').format('fr'),
    ])
    assert.deepEqual(dayRow(html, now.minus({ days: 29 })), ['0', Money.of(0, 'EUR').format('fr')])
    assert.isNull(dayRow(html, now.minus({ days: 30 })))
  })

  test('what waits: orders to ship, bank transfers expected with their deadline, late deliveries', async ({
    client,
    assert,
  }) => {
    const support = await AdminUserFactory.apply('support').create()
    await insertOrder({ number: 'CMD-2026-000201', status: 'paid' })
    await insertOrder({ number: 'CMD-2026-000202', status: 'partially_shipped' })
    await insertOrder({ number: 'CMD-2026-000203', status: 'shipped' })
    const due = DateTime.fromISO('2026-12-04T10:00:00Z')
    await insertOrder({
      number: 'CMD-2026-000204',
      status: 'pending_payment',
      paidAt: null,
      paymentMethod: 'bank-transfer',
      paymentDueAt: due,
    })
    await insertOrder({
      number: 'CMD-2026-000205',
      status: 'pending_payment',
      paidAt: null,
      paymentMethod: 'card',
    })
    await insertOrder({
      number: 'CMD-2026-000206',
      status: 'paid',
      estimatedDeliveryTo: '2026-01-05',
    })
    await insertOrder({
      number: 'CMD-2026-000207',
      status: 'shipped',
      estimatedDeliveryTo: '2026-01-05',
    })

    const response = await client.get('/admin').loginAs(support)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<a href="/admin/orders?status=to_ship">3</a>')

    const transfers = html.slice(
      html.indexOf('id="transfers-title"'),
      html.indexOf('id="late-title"')
    )
    assert.include(transfers, 'CMD-2026-000204')
    assert.include(transfers, `datetime="${due.toISO()}"`)
    assert.notInclude(transfers, 'CMD-2026-000205')

    const late = html.slice(html.indexOf('id="late-title"'))
    assert.include(late, 'CMD-2026-000206')
    assert.notInclude(late, 'CMD-2026-000207')
    assert.notInclude(late, 'CMD-2026-000201')

    const toShip = await client.get('/admin/orders').qs({ status: 'to_ship' }).loginAs(support)
    assert.include(toShip.text(), '3 commandes')
  })

  test('a shop that cannot take orders is told why, with the way to the page that fixes it', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const support = await AdminUserFactory.apply('support').create()

    const bare = await client.get('/admin').loginAs(owner)
    const gaps = bare
      .text()
      .slice(bare.text().indexOf('id="gaps-title"'), bare.text().indexOf('</section>'))
    assert.include(gaps, 'La boutique ne peut pas prendre de commandes')
    assert.include(gaps, 'Aucune extension de livraison n')
    assert.include(gaps, 'Aucune extension de paiement n')
    assert.include(gaps, 'Les CGV ne sont pas publiées.')
    assert.include(gaps, 'href="/admin/plugins"')
    assert.include(gaps, 'href="/admin/legal"')
    const supportView = await client.get('/admin').loginAs(support)
    assert.include(supportView.text(), 'Le propriétaire de la boutique peut corriger cela.')
    assert.notInclude(supportView.text(), 'href="/admin/plugins"')
  })

  test('each gap goes once fixed', async ({ client, assert, cleanup }) => {
    const owner = await AdminUserFactory.create()
    await demoPlugins(cleanup, ['payment-bank-transfer'])
    await new DemoSeeder(db.connection()).seedLegal()

    const halfway = await client.get('/admin').loginAs(owner)
    assert.include(halfway.text(), 'Aucune extension de livraison n')
    assert.notInclude(halfway.text(), 'Aucune extension de paiement n')
    assert.notInclude(halfway.text(), 'Les CGV ne sont pas publiées.')
    assert.notInclude(halfway.text(), 'identité légale du vendeur')
  })

  test('a shop ready to sell shows no gap', async ({ client, assert, cleanup }) => {
    const owner = await AdminUserFactory.create()
    await checkoutShop(cleanup)

    const ready = await client.get('/admin').loginAs(owner)
    assert.notInclude(ready.text(), 'La boutique ne peut pas prendre de commandes')
  })

  test('destinations the checkout could not serve are listed, most tried first', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const gap = { weightGrams: 900, subtotal: 4990, currency: 'EUR' }
    await ShippingGap.createMany([
      { ...gap, countryCode: 'DE', postalCode: '10115' },
      { ...gap, countryCode: 'DE', postalCode: '10115' },
      { ...gap, countryCode: 'IT', postalCode: '00184' },
    ])

    const page = await client.get('/admin').loginAs(owner)

    const html = page.text()
    assert.include(html, 'Adresses que la boutique ne dessert pas')
    assert.isBelow(html.indexOf('10115 Allemagne'), html.indexOf('00184 Italie'))
  })
})
