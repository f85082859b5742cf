import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Customer from '#models/customer'
import Order from '#models/order'
import { CustomerFactory } from '#database/factories/customer_factory'
import { checkoutShop, placeOrder, productOnSale } from '#tests/helpers/checkout'

const PASSWORD = 'une-phrase-assez-longue'

test.group('An account from a guest order', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the guest who placed the order chooses a password and finds the order in the account', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'G-1')
    const order = await placeOrder([{ variantId, quantity: 1 }], {
      checkout: { email: 'guest@example.fr' },
    })

    const response = await client
      .post(`/checkout/confirmation/${order.number}/account`)
      .withSession({ placed_orders: [order.number] })
      .form({ password: PASSWORD, password_confirmation: PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/account')
    const customer = await Customer.findByOrFail('email', 'guest@example.fr')
    assert.equal(customer.firstName, 'Claire')
    await order.refresh()
    assert.equal(order.customerId, customer.id)
  })

  test('an e-mail that already has an account is sent to log in, nothing linked', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const existing = await CustomerFactory.merge({ email: 'known@example.fr' }).create()
    const variantId = await productOnSale(catalog, 'G-2')
    const order = await placeOrder([{ variantId, quantity: 1 }], {
      checkout: { email: existing.email },
    })

    const response = await client
      .post(`/checkout/confirmation/${order.number}/account`)
      .withSession({ placed_orders: [order.number] })
      .form({ password: PASSWORD, password_confirmation: PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.match(response.header('location') ?? '', /^\/account\/login\?next=/)
    const stored = await Order.findOrFail(order.id)
    assert.isNull(stored.customerId)
  })

  test('another browser cannot make an account from someone else’s order', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'G-3')
    const order = await placeOrder([{ variantId, quantity: 1 }], {
      checkout: { email: 'victim@example.fr' },
    })
    const response = await client
      .post(`/checkout/confirmation/${order.number}/account`)
      .form({ password: PASSWORD, password_confirmation: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(404)
    assert.isNull(await Customer.findBy('email', 'victim@example.fr'))
  })

  test('a customer finds their orders on their account and opens them', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const customer = await CustomerFactory.create()
    const variantId = await productOnSale(catalog, 'G-4')
    const order = await placeOrder([{ variantId, quantity: 1 }], {
      checkout: { email: customer.email },
    })
    await Order.query().where('id', order.id).update({ customerId: customer.id })

    const account = await client.get('/account').withGuard('customer').loginAs(customer)
    account.assertStatus(200)
    assert.include(account.text(), order.number)

    const page = await client.get(`/orders/${order.number}`).withGuard('customer').loginAs(customer)
    page.assertStatus(200)
    assert.include(page.text(), 'En attente de paiement')

    const stranger = await CustomerFactory.create()
    const refused = await client
      .get(`/orders/${order.number}`)
      .withGuard('customer')
      .loginAs(stranger)
    refused.assertStatus(404)
  })
})
