import Stripe from 'stripe'
import StripeCustomer from '#src/stripe_customer'

export interface SavedCard {
  id: string
  /** As people write it: "Visa", "CB". */
  brandName: string
  last4: string
  /** "04/2030". */
  expiry: string
}

const BRAND_NAMES: Record<string, string> = {
  amex: 'American Express',
  cartes_bancaires: 'CB',
  diners: 'Diners Club',
  discover: 'Discover',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
}

/**
 * The cards a shop customer saved at Stripe: their Stripe Customer (made
 * once, on their first card payment), the cards listed from the API on
 * each view (never stored here) and their removal.
 */
export default class SavedCards {
  constructor(protected stripe: Stripe) {}

  /**
   * The customer's Stripe Customer, created the first time. The idempotency
   * key makes two concurrent first payments create one Stripe Customer; the
   * unique customer id makes them keep one row.
   */
  async stripeCustomerFor(customer: { id: number; email: string }): Promise<string> {
    const known = await StripeCustomer.findBy('customerId', customer.id)
    if (known) return known.stripeCustomerId
    const created = await this.stripe.customers.create(
      { email: customer.email, metadata: { comptoir_customer_id: String(customer.id) } },
      { idempotencyKey: `comptoir-customer-${customer.id}` }
    )
    try {
      await StripeCustomer.create({ customerId: customer.id, stripeCustomerId: created.id })
    } catch (error) {
      const raced = await StripeCustomer.findBy('customerId', customer.id)
      if (!raced) throw error
      return raced.stripeCustomerId
    }
    return created.id
  }

  /** The saved cards, or none when the customer never had a Stripe Customer. */
  async list(customerId: number): Promise<SavedCard[]> {
    const known = await StripeCustomer.findBy('customerId', customerId)
    if (!known) return []
    const methods = await this.stripe.customers.listPaymentMethods(known.stripeCustomerId, {
      type: 'card',
      limit: 100,
    })
    return methods.data.flatMap((method) =>
      method.card
        ? [
            {
              id: method.id,
              brandName: BRAND_NAMES[method.card.brand] ?? method.card.brand,
              last4: method.card.last4,
              expiry: `${String(method.card.exp_month).padStart(2, '0')}/${method.card.exp_year}`,
            },
          ]
        : []
    )
  }

  /**
   * Detaches a card, only if it belongs to this customer's Stripe Customer:
   * a card id from another account answers false and nothing happens.
   */
  async remove(customerId: number, paymentMethodId: string): Promise<boolean> {
    const known = await StripeCustomer.findBy('customerId', customerId)
    if (!known) return false
    let method: Stripe.PaymentMethod
    try {
      method = await this.stripe.paymentMethods.retrieve(paymentMethodId)
    } catch (error) {
      // An unknown id is a "no"; Stripe being unreachable is a fault.
      if (error instanceof Stripe.errors.StripeInvalidRequestError) return false
      throw error
    }
    const owner = typeof method.customer === 'string' ? method.customer : method.customer?.id
    if (owner !== known.stripeCustomerId) return false
    await this.stripe.paymentMethods.detach(paymentMethodId)
    return true
  }
}
