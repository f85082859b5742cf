import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { CustomerAddressFactory, CustomerFactory } from '#database/factories/customer_factory'
import { Money } from '#domain/money'
import Cart from '#models/cart'
import CartLine from '#models/cart_line'
import CustomerNote from '#models/customer_note'
import { insertOrder } from '#tests/helpers/admin_orders'
import { createCatalogFixture } from '#tests/helpers/catalog'

test.group('Back-office customers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists customers with their orders and what they spent, searchable by e-mail and name', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const claire = await CustomerFactory.merge({
      email: 'claire@example.fr',
      firstName: 'Claire',
      lastName: 'Vuillet',
    }).create()
    await CustomerFactory.merge({
      email: 'jules@example.fr',
      firstName: 'Jules',
      lastName: 'Morez',
    }).create()
    await insertOrder({ customerId: claire.id, email: claire.email, total: 10_000 })
    // Not paid yet, then cancelled: counted as orders, not as money spent.
    await insertOrder({
      customerId: claire.id,
      email: claire.email,
      total: 4_000,
      paidAt: null,
      status: 'pending_payment',
    })
    await insertOrder({
      customerId: claire.id,
      email: claire.email,
      total: 3_000,
      status: 'cancelled',
    })
    // Placed as a guest with the same e-mail: hers too.
    await insertOrder({ customerId: null, email: claire.email, total: 2_500 })
    await insertOrder({ customerId: null, email: 'someone@example.fr', total: 9_999 })

    const response = await client.get('/admin/customers').loginAs(owner)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Claire Vuillet')
    assert.include(html, 'Jules Morez')
    const claireRow = html.slice(
      html.indexOf('Claire Vuillet'),
      html.indexOf('</tr>', html.indexOf('Claire Vuillet'))
    )
    assert.include(claireRow, '>4</td>')
    assert.include(claireRow, Money.of(12_500, 'EUR').format('fr'))

    const byName = await client.get('/admin/customers').qs({ q: 'vuil' }).loginAs(owner)
    assert.include(byName.text(), 'Claire Vuillet')
    assert.notInclude(byName.text(), 'Jules Morez')
    const byEmail = await client.get('/admin/customers').qs({ q: 'JULES@' }).loginAs(owner)
    assert.include(byEmail.text(), 'Jules Morez')
    assert.notInclude(byEmail.text(), 'Claire Vuillet')
  })

  test("a customer's page: profile, addresses, cart, orders (guest ones marked) and notes", async ({
    client,
    assert,
  }) => {
    const support = await AdminUserFactory.apply('support')
      .merge({ fullName: 'Sam Support' })
      .create()
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Sabot Jeanne', en: 'Jeanne clog' }, [
      { sku: 'JEA-38' },
    ])
    await product.load('variants')
    const claire = await CustomerFactory.merge({
      email: 'claire@example.fr',
      firstName: 'Claire',
      lastName: 'Vuillet',
      phone: '06 12 34 56 78',
    }).create()
    await CustomerAddressFactory.merge({
      customerId: claire.id,
      addressLine1: '3 place du Marché',
      city: 'Morez',
      postalCode: '39400',
      isDefaultDelivery: true,
    }).create()
    const cart = await Cart.create({
      token: 'c'.repeat(64),
      customerId: claire.id,
      currency: 'EUR',
    })
    await CartLine.create({ cartId: cart.id, variantId: product.variants[0].id, quantity: 2 })
    const accountOrder = await insertOrder({
      number: 'CMD-2026-000101',
      customerId: claire.id,
      email: claire.email,
    })
    await insertOrder({ number: 'CMD-2026-000102', customerId: null, email: claire.email })
    await insertOrder({ number: 'CMD-2026-000103', customerId: null, email: 'other@example.fr' })

    const page = await client.get(`/admin/customers/${claire.id}`).loginAs(support)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'claire@example.fr')
    assert.include(html, '06 12 34 56 78')
    assert.include(html, '3 place du Marché')
    assert.include(html, 'Livraison par défaut')
    assert.include(html, 'Sabot Jeanne')
    assert.include(html, 'JEA-38')
    assert.include(html, `href="/admin/orders/${accountOrder}">CMD-2026-000101</a>`)
    const guest = html.slice(
      html.indexOf('CMD-2026-000102'),
      html.indexOf('</td>', html.indexOf('CMD-2026-000102'))
    )
    assert.include(guest, 'Passée sans compte, avec la même adresse e-mail')
    assert.notInclude(html, 'CMD-2026-000103')

    const note = await client
      .post(`/admin/customers/${claire.id}/notes`)
      .form({ body: 'Préfère être livrée après 18 h.' })
      .withCsrfToken()
      .loginAs(support)
      .redirects(0)
    note.assertStatus(302)
    note.assertHeader('location', `/admin/customers/${claire.id}`)
    note.assertFlashMessage('success', 'Note enregistrée.')
    const saved = await CustomerNote.findByOrFail('customer_id', claire.id)
    assert.equal(saved.author, 'Sam Support')
    assert.equal(saved.adminUserId, support.id)
    const after = await client.get(`/admin/customers/${claire.id}`).loginAs(support)
    assert.include(after.text(), 'Préfère être livrée après 18 h.')
    assert.include(after.text(), 'Par Sam Support')

    const empty = await client
      .post(`/admin/customers/${claire.id}/notes`)
      .form({ body: '  ' })
      .withCsrfToken()
      .loginAs(support)
      .redirects(0)
    empty.assertStatus(302)
    assert.lengthOf(await CustomerNote.query().where('customer_id', claire.id), 1)
  })
})
