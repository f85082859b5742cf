import type { Address } from '@comptoir/contracts/commerce'
import type { SellerIdentity } from '#domain/seller_identity'

/**
 * A contract as archived for ten years (LEGAL.md P-09): what both parties
 * agreed when the order was placed, frozen apart from the order, whose
 * personal data may be anonymised later. Amounts in minor units.
 */
export interface ContractRecord {
  readonly format: 'comptoir.contract.v1'
  readonly number: string
  /** The instant of conclusion, ISO 8601 in UTC. */
  readonly concludedAt: string
  readonly locale: string
  readonly currency: string
  readonly seller: SellerIdentity | null
  readonly buyer: {
    readonly email: string
    readonly billingAddress: Address
    readonly shippingAddress: Address | null
  }
  readonly lines: readonly {
    readonly sku: string
    readonly name: string
    readonly options: string | null
    readonly quantity: number
    readonly unitPrice: number
    readonly discount: number
    readonly total: number
    readonly vatRate: number
  }[]
  readonly totals: {
    readonly items: number
    readonly discount: number
    readonly shipping: number
    readonly vat: number
    readonly total: number
  }
  readonly shippingMethod: string
  readonly paymentMethod: string
  /** The CGV accepted: their version number and checksum. */
  readonly terms: { readonly version: number | null; readonly checksum: string }
  readonly withdrawal: {
    readonly periodDays: number
    readonly exceptions: readonly { sku: string; exception: string }[]
  } | null
}
