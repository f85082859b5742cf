import type { ProductType } from '#models/product'
import type { VatRate } from '#domain/vat'
import type { QuantityUnit } from '#domain/unit_price'
import type { WithdrawalException } from '#domain/withdrawal_exceptions'
import type { Locale } from '#support/locale_paths'
import type { AuditActor } from '#services/audit_log_service'

/**
 * A product as the back office, the CSV import and the demo seed describe it.
 * Variants are matched to existing ones by SKU on update.
 */
export interface ProductInput {
  type: ProductType
  brandId: number | null
  attributeSetId: number | null
  vatRate: VatRate
  weightGrams: number | null
  netQuantity: number | null
  netQuantityUnit: QuantityUnit | null
  withdrawalException: WithdrawalException
  enabled: boolean
  visible: boolean
  featured: boolean
  translations: ProductTranslationInput[]
  categoryIds: number[]
  /** Products shown as "you may also like", in order; left as they are when undefined. */
  relatedProductIds?: number[]
  attributeValues: AttributeValueInput[]
  variants: VariantInput[]
}

export interface ProductTranslationInput {
  locale: Locale
  name: string
  slug?: string | null
  shortDescription?: string | null
  description?: string | null
  seoTitle?: string | null
  seoDescription?: string | null
}

export interface AttributeValueInput {
  attributeId: number
  optionIds?: number[]
  number?: number | null
  boolean?: boolean | null
  text?: string | null
}

export interface VariantInput {
  sku: string
  priceAmount: number
  weightGrams?: number | null
  withdrawalException?: WithdrawalException | null
  enabled?: boolean
  options?: { attributeId: number; optionId: number }[]
  /**
   * Stock per location. With `countedFrom` (the quantity the merchant saw when
   * opening the form) only the difference is applied, so sales made meanwhile
   * are kept; without it the quantity is set as counted.
   */
  stock?: {
    stockLocationId: number
    quantity: number
    countedFrom?: number
    safetyThreshold?: number
  }[]
}

/**
 * Where a write comes from, recorded in the price history and the audit log.
 */
export interface CatalogActor {
  admin: AuditActor
  ip?: string | null
  source: 'admin' | 'import' | 'seed'
}
