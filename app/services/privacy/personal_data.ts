import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Cart from '#models/cart'
import ContractArchive from '#models/contract_archive'
import type Customer from '#models/customer'
import CustomerAddress from '#models/customer_address'
import MarketingConsent from '#models/marketing_consent'
import Order from '#models/order'
import PrivacyRequest from '#models/privacy_request'

/**
 * A person's orders: their account's, and those placed as a guest with the
 * account's e-mail (the same person, who had not signed in).
 */
export function ordersOfPerson(
  customer: Pick<Customer, 'id' | 'email'>,
  trx?: TransactionClientContract
) {
  return Order.query({ client: trx }).where((where) =>
    where
      .where('customer_id', customer.id)
      .orWhere((guest) => guest.whereNull('customer_id').where('email', customer.email))
  )
}

const iso = (date: DateTime | null) => date?.toUTC().toISO() ?? null
const day = (date: DateTime | null) => date?.toISODate() ?? null

/**
 * Everything the shop holds about a customer, as structured, machine-readable
 * JSON (LEGAL.md R-03: access and portability): profile, address book, cart,
 * orders, marketing consent, archived contracts and their own requests. The
 * cookie choice lives in their browser only.
 */
export async function personalDataOf(customer: Customer) {
  const [addresses, cart, orders, consent, contracts, requests] = await Promise.all([
    CustomerAddress.query().where('customer_id', customer.id).orderBy('id'),
    Cart.query()
      .where('customer_id', customer.id)
      .preload('lines', (lines) => lines.orderBy('id').preload('variant'))
      .first(),
    ordersOfPerson(customer)
      .orderBy('placed_at')
      .orderBy('id')
      .preload('lines', (lines) => lines.orderBy('position')),
    MarketingConsent.findBy('email', customer.email),
    ContractArchive.query()
      .whereIn('order_id', ordersOfPerson(customer).select('id'))
      .orderBy('concluded_at'),
    PrivacyRequest.query().where('customer_id', customer.id).orderBy('id'),
  ])
  return {
    format: 'comptoir.personal_data.v1',
    exportedAt: DateTime.now().toUTC().toISO(),
    profile: {
      email: customer.email,
      firstName: customer.firstName,
      lastName: customer.lastName,
      phone: customer.phone,
      locale: customer.locale,
      createdAt: iso(customer.createdAt),
      lastSignInAt: iso(customer.lastActivityAt),
    },
    addresses: addresses.map((address) => ({
      firstName: address.firstName,
      lastName: address.lastName,
      company: address.company,
      lines: [address.addressLine1, address.addressLine2].filter(Boolean),
      postalCode: address.postalCode,
      city: address.city,
      countryCode: address.countryCode,
      phone: address.phone,
      defaultDelivery: address.isDefaultDelivery,
      defaultBilling: address.isDefaultBilling,
    })),
    cart: (cart?.lines ?? []).map((line) => ({
      sku: line.variant.sku,
      quantity: line.quantity,
    })),
    orders: orders.map((order) => ({
      number: order.number,
      placedAt: iso(order.placedAt),
      status: order.status,
      email: order.email,
      total: { amount: order.total, currency: order.currency },
      lines: order.lines.map((line) => ({
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        total: line.total,
      })),
      billingAddress: order.billingAddress,
      shippingAddress: order.shippingAddress,
      shippingMethod: order.shippingMethodLabel,
      paymentMethod: order.paymentMethodLabel,
    })),
    marketingConsent: consent
      ? {
          optedIn: consent.optedIn,
          source: consent.source,
          consentedAt: iso(consent.consentedAt),
          withdrawnAt: iso(consent.withdrawnAt),
        }
      : null,
    contracts: contracts.map((contract) => ({
      orderNumber: contract.orderNumber,
      concludedAt: iso(contract.concludedAt),
      keptUntil: day(contract.retainUntil),
    })),
    privacyRequests: requests.map((request) => ({
      kind: request.kind,
      receivedOn: day(request.receivedOn),
      dueOn: day(request.extendedDueOn ?? request.dueOn),
      completedAt: iso(request.completedAt),
    })),
  }
}
