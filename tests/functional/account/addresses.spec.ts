import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import type Customer from '#models/customer'
import CustomerAddress from '#models/customer_address'
import { CustomerFactory } from '#database/factories/customer_factory'

const ADDRESS = {
  firstName: 'Claire',
  lastName: 'Vuillet',
  company: '',
  addressLine1: '12 rue des Sabotiers',
  addressLine2: '',
  postalCode: '39400',
  city: 'Morez',
  countryCode: 'FR',
  phone: '',
}

function post(client: ApiClient, customer: Customer, fields: Record<string, string>, prefix = '') {
  return client
    .post(`${prefix}/account/addresses`)
    .header('referer', `${prefix}/account/addresses/new`)
    .form({ ...ADDRESS, ...fields })
    .withGuard('customer')
    .loginAs(customer)
    .withCsrfToken()
    .redirects(0)
}

async function book(customer: Customer) {
  return CustomerAddress.query().where('customer_id', customer.id).orderBy('id')
}

test.group('Customer accounts: address book', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the first address is saved, normalised, as the default for both purposes', async ({
    assert,
    client,
  }) => {
    const customer = await CustomerFactory.create()
    const response = await post(client, customer, {
      countryCode: 'NL',
      postalCode: '1012ab',
      city: 'Amsterdam',
      company: 'Klompen BV',
    })

    response.assertHeader('location', '/account/addresses')
    response.assertFlashMessage('notice', 'L’adresse est ajoutée.')
    const [address] = await book(customer)
    assert.include(address.serialize(), {
      postalCode: '1012 AB',
      countryCode: 'NL',
      company: 'Klompen BV',
      addressLine2: null,
      phone: null,
      isDefaultDelivery: true,
      isDefaultBilling: true,
    })

    const list = await client.get('/account/addresses').withGuard('customer').loginAs(customer)
    assert.include(list.text(), '1012 AB Amsterdam<br>')
    assert.include(list.text(), 'Pays-Bas')
    assert.include(list.text(), 'Adresse de livraison par défaut')
  })

  test('a French postcode that is not one is refused, in the shopper’s language', async ({
    assert,
    client,
  }) => {
    const customer = await CustomerFactory.create()

    const french = await post(client, customer, { postalCode: '3940' })
    french.assertHeader('location', '/account/addresses/new')
    assert.deepEqual(french.flashMessage('inputErrorsBag'), {
      postalCode: ['Code postal invalide pour la France (exemple : 75001).'],
    })

    const english = await post(client, customer, { postalCode: '2A004' }, '/en')
    assert.deepEqual(english.flashMessage('inputErrorsBag.postalCode'), [
      'Invalid postcode for France (example: 75001).',
    ])

    const belgian = await post(client, customer, { countryCode: 'BE', postalCode: '39400' })
    assert.deepEqual(belgian.flashMessage('inputErrorsBag.postalCode'), [
      'Code postal invalide pour la Belgique (exemple : 1000).',
    ])
    assert.lengthOf(await book(customer), 0)
  })

  test('the form page shows the postcode error next to the field and keeps what was typed', async ({
    assert,
    client,
  }) => {
    const customer = await CustomerFactory.create()
    const response = await client
      .post('/account/addresses')
      .header('referer', '/account/addresses/new')
      .form({ ...ADDRESS, postalCode: '3940', countryCode: 'US', firstName: '' })
      .withGuard('customer')
      .loginAs(customer)
      .withCsrfToken()

    const html = response.text()
    assert.include(html, '<a href="#countryCode">Choisissez un pays dans la liste.</a>')
    assert.include(html, '<a href="#firstName">Le champ prénom est obligatoire.</a>')
    // Without a valid country, the postcode cannot be judged.
    assert.notInclude(html, 'Code postal invalide')
    assert.include(html, 'value="12 rue des Sabotiers"')
    for (const token of ['given-name', 'family-name', 'address-line1', 'postal-code', 'country']) {
      assert.match(html, new RegExp(`autocomplete="${token}"`), token)
    }
    assert.include(html, '<option value="FR" >France</option>')
  })

  test('editing, choosing defaults and deleting', async ({ assert, client }) => {
    const customer = await CustomerFactory.create()
    await post(client, customer, {})
    await post(client, customer, { addressLine1: '3 place de la Mairie', isDefaultBilling: '1' })
    let [home, office] = await book(customer)
    assert.isTrue(home.isDefaultDelivery)
    assert.isFalse(home.isDefaultBilling)
    assert.isFalse(office.isDefaultDelivery)
    assert.isTrue(office.isDefaultBilling)

    const edit = await client
      .get(`/account/addresses/${office.id}/edit`)
      .withGuard('customer')
      .loginAs(customer)
    assert.include(edit.text(), 'value="3 place de la Mairie"')

    const update = await client
      .put(`/account/addresses/${office.id}`)
      .form({ ...ADDRESS, addressLine1: '5 place de la Mairie', postalCode: '39 400 ' })
      .withGuard('customer')
      .loginAs(customer)
      .withCsrfToken()
      .redirects(0)
    update.assertHeader('location', '/account/addresses')
    await office.refresh()
    assert.equal(office.addressLine1, '5 place de la Mairie')
    assert.equal(office.postalCode, '39400')
    assert.isTrue(office.isDefaultBilling)

    const makeDefault = await client
      .put(`/account/addresses/${office.id}/default/delivery`)
      .withGuard('customer')
      .loginAs(customer)
      .withCsrfToken()
      .redirects(0)
    makeDefault.assertHeader('location', '/account/addresses')
    ;[home, office] = await book(customer)
    assert.isFalse(home.isDefaultDelivery)
    assert.isTrue(office.isDefaultDelivery)

    // Deleting the defaults hands them to the address that is left.
    const remove = await client
      .delete(`/account/addresses/${office.id}`)
      .withGuard('customer')
      .loginAs(customer)
      .withCsrfToken()
      .redirects(0)
    remove.assertHeader('location', '/account/addresses')
    const left = await book(customer)
    assert.lengthOf(left, 1)
    assert.isTrue(left[0].isDefaultDelivery)
    assert.isTrue(left[0].isDefaultBilling)
  })

  test('a customer cannot see, edit, default or delete another customer’s address', async ({
    assert,
    client,
  }) => {
    const owner = await CustomerFactory.with('addresses', 1).create()
    const intruder = await CustomerFactory.create()
    const [address] = await book(owner)
    const responses = [
      await client
        .get(`/account/addresses/${address.id}/edit`)
        .withGuard('customer')
        .loginAs(intruder),
      await client
        .put(`/account/addresses/${address.id}`)
        .form({ ...ADDRESS, city: 'Ailleurs' })
        .withGuard('customer')
        .loginAs(intruder)
        .withCsrfToken(),
      await client
        .put(`/account/addresses/${address.id}/default/billing`)
        .withGuard('customer')
        .loginAs(intruder)
        .withCsrfToken(),
      await client
        .delete(`/account/addresses/${address.id}`)
        .withGuard('customer')
        .loginAs(intruder)
        .withCsrfToken(),
    ]
    for (const response of responses) response.assertStatus(404)

    const list = await client.get('/account/addresses').withGuard('customer').loginAs(intruder)
    assert.notInclude(list.text(), address.addressLine1)
    const unchanged = await CustomerAddress.findOrFail(address.id)
    assert.equal(unchanged.city, address.city)
  })

  test('a guest is sent to log in', async ({ client }) => {
    const response = await client.get('/account/addresses/new').redirects(0)
    response.assertHeader('location', '/account/login?next=%2Faccount%2Faddresses%2Fnew')
  })
})
