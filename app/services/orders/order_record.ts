import type { Address } from '@comptoir/contracts/commerce'
import type { VatBreakdownLine } from '#domain/order_totals'
import type { ReductionRecord } from '#services/pricing/reduction_records'

/** The pickup point chosen at checkout, as it was shown. */
export interface PickupPointRecord {
  readonly code: string
  readonly name: string
  readonly address: Address
  readonly readyAt?: string
  readonly stockPlaceId?: number
}

/** A delivery option as the checkout offered it. */
export interface ShippingOfferRecord {
  readonly code: string
  readonly label: string
  readonly price: number
  readonly service: 'standard' | 'express' | 'pickup'
  readonly delayDays: readonly [number, number]
}

/**
 * What the shopper saw and accepted when ordering, beyond the order's columns
 * and lines: kept as it was (LEGAL.md W-11, W-18, P-01), whatever the catalog,
 * the plugins or the legal pages become.
 */
export interface OrderRecord {
  readonly vat: readonly VatBreakdownLine[]
  readonly shippingOffers: readonly ShippingOfferRecord[]
  readonly shipping: ShippingOfferRecord
  readonly coupon: { code: string; discount: number; freeShipping: boolean } | null
  readonly terms: { versionId: number; version: number; checksum: string }
  /** Withdrawal period in days, and the lines shown as excepted before ordering. */
  readonly withdrawal: {
    periodDays: number
    exceptions: readonly { sku: string; exception: string }[]
  }
  readonly paymentWindowHours: number | null
  /** Price reductions announced on the lines (PR-01); absent on orders placed before them. */
  readonly reductions?: readonly ReductionRecord[]
}

/** What an offline method told the shopper to do (bank details, pay at pickup). */
export type PaymentInstructions = readonly { label: string; value: string }[]
