import factory from '@adonisjs/lucid/factories'
import Customer from '#models/customer'
import CustomerAddress from '#models/customer_address'

export const CUSTOMER_PASSWORD = 'sabots-du-jura-1923'

export const CustomerAddressFactory = factory
  .define(CustomerAddress, ({ faker }) => ({
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
    company: null,
    addressLine1: `${faker.number.int({ min: 1, max: 120 })} rue de la République`,
    addressLine2: null,
    postalCode: '69002',
    city: 'Lyon',
    countryCode: 'FR',
    phone: null,
    isDefaultDelivery: false,
    isDefaultBilling: false,
  }))
  .build()

export const CustomerFactory = factory
  .define(Customer, ({ faker }) => ({
    email: faker.internet.email().toLowerCase(),
    password: CUSTOMER_PASSWORD,
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
    phone: null,
    locale: 'fr' as const,
  }))
  .state('english', (customer) => (customer.locale = 'en'))
  .relation('addresses', () => CustomerAddressFactory)
  .build()
