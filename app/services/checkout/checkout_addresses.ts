import { inject } from '@adonisjs/core'
import type { Address } from '@comptoir/contracts/commerce'
import Customer from '#models/customer'
import type CustomerAddress from '#models/customer_address'
import CustomerAddressService from '#services/customer_address_service'
import { addressFromFields, sameAddress } from '#support/postal_address'
import type { AddressInput } from '#validators/address'

/**
 * The checkout's link to a customer's address book: their default addresses
 * fill the form, and the addresses they order with are kept for next time.
 */
@inject()
export default class CheckoutAddresses {
  constructor(protected book: CustomerAddressService) {}

  async defaults(customerId: number): Promise<{ delivery?: Address; billing?: Address }> {
    const customer = await Customer.find(customerId)
    if (!customer) return {}
    const entries = await this.book.list(customer)
    const delivery = entries.find((entry) => entry.isDefaultDelivery)
    const billing = entries.find((entry) => entry.isDefaultBilling)
    return {
      ...(delivery ? { delivery: bookAddress(delivery) } : {}),
      ...(billing ? { billing: bookAddress(billing) } : {}),
    }
  }

  /** Adds the addresses not in the book yet. */
  async remember(customerId: number, fields: readonly AddressInput[]) {
    const customer = await Customer.find(customerId)
    if (!customer) return
    const entries = await this.book.list(customer)
    const known = entries.map(bookAddress)
    for (const entry of fields) {
      const address = addressFromFields(entry)
      if (known.some((candidate) => sameAddress(candidate, address))) continue
      await this.book.create(customer, entry)
      known.push(address)
    }
  }
}

function bookAddress(entry: CustomerAddress): Address {
  return addressFromFields({
    firstName: entry.firstName,
    lastName: entry.lastName,
    company: entry.company ?? undefined,
    addressLine1: entry.addressLine1,
    addressLine2: entry.addressLine2 ?? undefined,
    postalCode: entry.postalCode,
    city: entry.city,
    countryCode: entry.countryCode as AddressInput['countryCode'],
    phone: entry.phone ?? undefined,
  })
}
