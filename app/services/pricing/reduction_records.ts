import i18nManager from '@adonisjs/i18n/services/main'
import type { Locale } from '@comptoir/contracts/commerce'
import type { AnnouncedReduction } from '#domain/pricing/effective_price'
import { formatPercentage } from '#domain/coupons'

/**
 * A reduction as the order keeps it (LEGAL.md PR-01, PR-07): the unit price
 * paid, and the struck price, its label and the percentage the shopper saw,
 * in the order's language, whatever the rules become.
 */
export interface ReductionRecord {
  readonly sku: string
  readonly unitPrice: number
  readonly kind: AnnouncedReduction['kind']
  readonly ruleId: number
  readonly referencePrice: number
  readonly basis: AnnouncedReduction['basis']
  readonly label: string
  /** Basis points. */
  readonly percentage: number
  /** "−12,5 %", as shown. */
  readonly percentageText: string
}

export function reductionRecords(
  items: readonly { sku: string; unitPrice: number; reduction: AnnouncedReduction | null }[],
  locale: Locale
): ReductionRecord[] {
  const i18n = i18nManager.locale(locale)
  return items.flatMap((item) => {
    const reduction = item.reduction
    if (!reduction) return []
    return [
      {
        sku: item.sku,
        unitPrice: item.unitPrice,
        kind: reduction.kind,
        ruleId: reduction.ruleId,
        referencePrice: reduction.reference,
        basis: reduction.basis,
        label: i18n.t(`promotions.reference.${reduction.basis}`),
        percentage: reduction.percentage,
        percentageText: `−${formatPercentage(reduction.percentage, locale)}`,
      },
    ]
  })
}
