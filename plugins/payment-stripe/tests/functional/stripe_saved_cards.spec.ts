import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import StripeCustomer from '#src/stripe_customer'
import { kit, stripeOnEmulator } from '#tests/helpers/stripe_plugin'

/**
 * The saved cards section of the account page: listed from the Stripe API
 * (never stored by the shop) and removable by their owner only.
 */
test.group('Stripe saved cards on the account page', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test("lists the customer's cards and removes one, never another account's", async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator } = await stripeOnEmulator(cleanup)
    const [claire, other] = await kit.CustomerFactory.createMany(2)
    const stripeClaire = emulator.createCustomerFor('claire@example.fr')
    const stripeOther = emulator.createCustomerFor('other@example.fr')
    await StripeCustomer.createMany([
      { customerId: claire.id, stripeCustomerId: stripeClaire },
      { customerId: other.id, stripeCustomerId: stripeOther },
    ])
    const visa = emulator.saveCard(stripeClaire, { brand: 'visa', last4: '4242' })
    emulator.saveCard(stripeClaire, { brand: 'mastercard', last4: '4444' })
    const othersCard = emulator.saveCard(stripeOther, { brand: 'visa', last4: '1881' })

    const page = await client.get('/account').withGuard('customer').loginAs(claire)
    page.assertStatus(200)
    assert.include(page.text(), 'Cartes enregistrées')
    assert.include(page.text(), 'Visa se terminant par 4242, expire fin 04/2030')
    assert.include(page.text(), 'Mastercard se terminant par 4444')
    assert.notInclude(page.text(), '1881')
    assert.include(page.text(), `/plugins/payment-stripe/cards/${visa.id}/remove`)

    const refused = await client
      .post(`/plugins/payment-stripe/cards/${othersCard.id}/remove`)
      .withGuard('customer')
      .loginAs(claire)
      .withCsrfToken()
      .redirects(0)
    refused.assertHeader('location', '/account')
    refused.assertFlashMessage('error', "Cette carte n'est pas enregistrée sur votre compte.")
    assert.equal(emulator.paymentMethods.get(othersCard.id)!.customer, stripeOther)

    const removed = await client
      .post(`/plugins/payment-stripe/cards/${visa.id}/remove`)
      .withGuard('customer')
      .loginAs(claire)
      .withCsrfToken()
      .redirects(0)
    removed.assertHeader('location', '/account')
    removed.assertFlashMessage('notice', 'La carte a été supprimée.')
    assert.isNull(emulator.paymentMethods.get(visa.id)!.customer)
    assert.lengthOf(emulator.requestsTo('POST', `/v1/payment_methods/${visa.id}/detach`), 1)

    const after = await client.get('/account').withGuard('customer').loginAs(claire)
    assert.notInclude(after.text(), '4242')
    assert.include(after.text(), '4444')
  })

  test('guests cannot remove cards, and no section shows when saved cards are off', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { emulator } = await stripeOnEmulator(cleanup, { savedCards: false })
    const [claire] = await kit.CustomerFactory.createMany(1)
    const stripeClaire = emulator.createCustomerFor('claire@example.fr')
    await StripeCustomer.create({ customerId: claire.id, stripeCustomerId: stripeClaire })
    const card = emulator.saveCard(stripeClaire)

    const page = await client.get('/account').withGuard('customer').loginAs(claire)
    page.assertStatus(200)
    assert.notInclude(page.text(), 'Cartes enregistrées')

    const guest = await client
      .post(`/plugins/payment-stripe/cards/${card.id}/remove`)
      .withCsrfToken()
      .redirects(0)
    guest.assertStatus(404)
    assert.equal(emulator.paymentMethods.get(card.id)!.customer, stripeClaire)
  })
})
