import type { Address } from '@comptoir/contracts/commerce'
import type { AddressInput } from '#validators/address'

/**
 * Between the address forms' fields (one per line, as the address book stores
 * them) and the address the core keeps on carts and orders.
 */
export function addressFromFields(fields: AddressInput): Address {
  return {
    firstName: fields.firstName,
    lastName: fields.lastName,
    ...(fields.company ? { company: fields.company } : {}),
    lines: [fields.addressLine1, ...(fields.addressLine2 ? [fields.addressLine2] : [])],
    postalCode: fields.postalCode,
    city: fields.city,
    countryCode: fields.countryCode,
    ...(fields.phone ? { phone: fields.phone } : {}),
  }
}

export function fieldsFromAddress(address: Address): Partial<AddressInput> {
  return {
    firstName: address.firstName,
    lastName: address.lastName,
    company: address.company,
    addressLine1: address.lines[0],
    addressLine2: address.lines[1],
    postalCode: address.postalCode,
    city: address.city,
    countryCode: address.countryCode as AddressInput['countryCode'],
    phone: address.phone,
  }
}

/** Whether two addresses are the same place for the same person. */
export function sameAddress(a: Address, b: Address): boolean {
  const key = (address: Address) =>
    JSON.stringify([
      address.firstName ?? '',
      address.lastName ?? '',
      address.company ?? '',
      address.lines,
      address.postalCode,
      address.city.toLowerCase(),
      address.countryCode,
    ])
  return key(a) === key(b)
}
