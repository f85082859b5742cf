import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Customer from '#models/customer'
import CustomerAddress from '#models/customer_address'
import type { AddressInput } from '#validators/address'

export type DefaultPurpose = 'delivery' | 'billing'

export const DEFAULT_PURPOSES: DefaultPurpose[] = ['delivery', 'billing']

export interface AddressBookEntry extends AddressInput {
  isDefaultDelivery?: boolean
  isDefaultBilling?: boolean
}

const FLAGS = { delivery: 'is_default_delivery', billing: 'is_default_billing' } as const

/**
 * A customer's address book. Every lookup is scoped to the customer, so an
 * id belonging to someone else is simply not found (404). The first address
 * is the default for both purposes; when a default is deleted, the oldest
 * remaining address takes over, so a non-empty book always has both.
 */
export default class CustomerAddressService {
  async list(customer: Customer) {
    return CustomerAddress.query().where('customer_id', customer.id).orderBy('id')
  }

  async find(customer: Customer, id: number, trx?: TransactionClientContract) {
    return CustomerAddress.query({ client: trx })
      .where('customer_id', customer.id)
      .where('id', id)
      .firstOrFail()
  }

  async create(customer: Customer, entry: AddressBookEntry) {
    return db.transaction(async (trx) => {
      const address = await CustomerAddress.create(
        { ...columns(entry), customerId: customer.id },
        { client: trx }
      )
      for (const purpose of DEFAULT_PURPOSES) {
        if (wants(entry, purpose)) await this.makeDefault(address, purpose, trx)
      }
      await this.fillMissingDefaults(customer, trx)
      return address
    })
  }

  async update(customer: Customer, id: number, entry: AddressBookEntry) {
    return db.transaction(async (trx) => {
      const address = await this.find(customer, id, trx)
      address.merge(columns(entry))
      await address.save()
      for (const purpose of DEFAULT_PURPOSES) {
        if (wants(entry, purpose)) await this.makeDefault(address, purpose, trx)
      }
      return address
    })
  }

  async delete(customer: Customer, id: number) {
    await db.transaction(async (trx) => {
      const address = await this.find(customer, id, trx)
      await address.delete()
      await this.fillMissingDefaults(customer, trx)
    })
  }

  async setDefault(customer: Customer, id: number, purpose: DefaultPurpose) {
    await db.transaction(async (trx) => {
      const address = await this.find(customer, id, trx)
      await this.makeDefault(address, purpose, trx)
    })
  }

  private async makeDefault(
    address: CustomerAddress,
    purpose: DefaultPurpose,
    trx: TransactionClientContract
  ) {
    const flag = FLAGS[purpose]
    await trx
      .from('customer_addresses')
      .where('customer_id', address.customerId)
      .update({ [flag]: false })
    await trx
      .from('customer_addresses')
      .where('id', address.id)
      .update({ [flag]: true })
  }

  private async fillMissingDefaults(customer: Customer, trx: TransactionClientContract) {
    for (const purpose of DEFAULT_PURPOSES) {
      const flag = FLAGS[purpose]
      const rows = await trx
        .from('customer_addresses')
        .where('customer_id', customer.id)
        .orderBy('id')
        .select('id', flag)
      if (rows.length && !rows.some((row) => Boolean(row[flag]))) {
        await trx
          .from('customer_addresses')
          .where('id', rows[0].id)
          .update({ [flag]: true })
      }
    }
  }
}

function wants(entry: AddressBookEntry, purpose: DefaultPurpose) {
  return purpose === 'delivery' ? entry.isDefaultDelivery === true : entry.isDefaultBilling === true
}

/** The address's own columns; empty optional fields are stored as null. */
function columns(entry: AddressBookEntry) {
  return {
    firstName: entry.firstName,
    lastName: entry.lastName,
    company: entry.company || null,
    addressLine1: entry.addressLine1,
    addressLine2: entry.addressLine2 || null,
    postalCode: entry.postalCode,
    city: entry.city,
    countryCode: entry.countryCode,
    phone: entry.phone || null,
  }
}
