import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Cart from '#models/cart'
import ContractArchive from '#models/contract_archive'
import type Customer from '#models/customer'
import CustomerAddress from '#models/customer_address'
import MarketingConsent from '#models/marketing_consent'
import Order from '#models/order'
import PrivacyRequest from '#models/privacy_request'
import Withdrawal from '#models/withdrawal'
import SsoIdentity from '#models/sso_identity'
import GuaranteeClaim from '#models/guarantee_claim'

/**
 * An account's orders: those placed signed in. Guest orders with the same
 * e-mail are not: an account's e-mail is never verified, so anyone could
 * register with someone else's address to read or erase them.
 */
export function ordersOfAccount(customerId: number, trx?: TransactionClientContract) {
  return Order.query({ client: trx }).where('customer_id', customerId)
}

const iso = (date: DateTime | null) => date?.toUTC().toISO() ?? null
const day = (date: DateTime | null) => date?.toISODate() ?? null

/**
 * Everything the shop holds about a customer, as structured, machine-readable
 * JSON (LEGAL.md R-03: access and portability): profile, address book, cart,
 * orders with their withdrawals and guarantee claims, marketing consent,
 * archived contracts and their own requests. The cookie choice lives in
 * their browser only.
 */
export async function personalDataOf(customer: Customer) {
  const orderIds = ordersOfAccount(customer.id).select('id')
  const [addresses, cart, orders, consent, contracts, requests, withdrawals, claims, identities] =
    await Promise.all([
      CustomerAddress.query().where('customer_id', customer.id).orderBy('id'),
      Cart.query()
        .where('customer_id', customer.id)
        .preload('lines', (lines) => lines.orderBy('id').preload('variant'))
        .first(),
      ordersOfAccount(customer.id)
        .orderBy('placed_at')
        .orderBy('id')
        .preload('lines', (lines) => lines.orderBy('position')),
      MarketingConsent.findBy('customer_id', customer.id),
      ContractArchive.query().whereIn('order_id', orderIds).orderBy('concluded_at'),
      PrivacyRequest.query().where('customer_id', customer.id).orderBy('id'),
      Withdrawal.query().whereIn('order_id', orderIds).preload('order').orderBy('id'),
      GuaranteeClaim.query().whereIn('order_id', orderIds).preload('order').orderBy('id'),
      SsoIdentity.query().where({ audience: 'shoppers', customerId: customer.id }).orderBy('id'),
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
    // Identity providers linked for signing in, as they identify the person.
    signInProviders: identities.map((identity) => ({
      provider: identity.providerCode,
      subject: identity.subject,
      email: identity.email,
      linkedAt: iso(identity.createdAt),
      lastUsedAt: iso(identity.lastUsedAt),
    })),
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
    withdrawals: withdrawals.map((withdrawal) => ({
      orderNumber: withdrawal.order.number,
      status: withdrawal.status,
      channel: withdrawal.channel,
      consumerName: withdrawal.consumerName,
      email: withdrawal.email,
      reason: withdrawal.reason,
      sentAt: iso(withdrawal.sentAt),
      refundedAt: iso(withdrawal.refundedAt),
    })),
    guaranteeClaims: claims.map((claim) => ({
      orderNumber: claim.order.number,
      status: claim.status,
      description: claim.description,
      preferredRemedy: claim.preferredRemedy,
      requestedOn: day(claim.requestedOn),
      settledOn: day(claim.settledOn),
    })),
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
