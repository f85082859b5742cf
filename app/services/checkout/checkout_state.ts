import type { Address } from '@comptoir/contracts/commerce'

/**
 * What the shopper has told the checkout so far, kept on the cart so a reload,
 * the back button or another tab never loses it.
 */
export interface CheckoutState {
  email?: string
  shippingAddress?: Address
  /** Null or absent: the billing address is the delivery address. */
  billingAddress?: Address | null
  shipping?: { methodCode: string; pickupPointCode?: string }
  paymentMethodCode?: string
}
