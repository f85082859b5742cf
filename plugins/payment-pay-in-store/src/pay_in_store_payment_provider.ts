import type { Locale, OrderSnapshot } from '@comptoir/contracts/commerce'
import {
  type PaymentAvailabilityContext,
  type PaymentLogo,
  PaymentProvider,
  type PaymentStart,
} from '@comptoir/contracts/payment_provider'
import { CLICK_AND_COLLECT_METHOD_CODE } from '#src/click_collect'
import { formatAmount, formatShopDateTime } from '@comptoir/contracts/formatting'
import { textsFor } from '#src/texts'

/** Days an order may wait for collection when the merchant has not set the window. */
export const DEFAULT_COLLECTION_WINDOW_DAYS = 10

const HOUR_MS = 3_600_000

export interface PayInStoreSettings {
  /** At least one, as the merchant wrote them in French. */
  acceptedMeansFr: string[]
  /** Empty: English shoppers see the French list. */
  acceptedMeansEn?: string[]
  collectionWindowDays?: number
}

/**
 * Payment at the counter when the shopper collects a click & collect order.
 * The order waits unpaid; the merchant marks it paid when it is collected, and
 * the core cancels it (releasing its stock) once the collection window is over.
 * Nothing goes through a payment service, so nothing is refunded through it.
 */
export class PayInStorePayment extends PaymentProvider {
  readonly code = 'pay-in-store'

  constructor(protected settings: PayInStoreSettings) {
    super()
  }

  label(locale: Locale) {
    return textsFor(locale)('label')
  }

  /** A shop front, drawn for this plugin; its name is the label, so it reads as decoration. */
  logos(locale: Locale): PaymentLogo[] {
    return [{ name: this.label(locale), file: 'resources/logos/shop.svg' }]
  }

  /** Counted from when the order is placed, like every payment window. */
  paymentWindowHours() {
    return (this.settings.collectionWindowDays ?? DEFAULT_COLLECTION_WINDOW_DAYS) * 24
  }

  /** Only for orders collected in store. */
  async isAvailable(context: PaymentAvailabilityContext) {
    return context.shippingMethodCode === CLICK_AND_COLLECT_METHOD_CODE
  }

  /** When the core cancels the order if it has not been collected and paid. */
  deadline(order: OrderSnapshot): Date {
    return new Date(order.placedAt.getTime() + this.paymentWindowHours() * HOUR_MS)
  }

  acceptedMeans(locale: Locale): string[] {
    const english = this.settings.acceptedMeansEn ?? []
    return locale === 'en' && english.length ? english : this.settings.acceptedMeansFr
  }

  async start(order: OrderSnapshot, locale: Locale): Promise<PaymentStart> {
    const t = textsFor(locale)
    const means = new Intl.ListFormat(locale, { type: 'disjunction' })
    return {
      kind: 'instructions',
      lines: [
        {
          label: t('instructions.payment_label'),
          value: t('instructions.payment', { reference: order.reference }),
        },
        { label: t('instructions.amount'), value: formatAmount(order.total, locale) },
        { label: t('instructions.means'), value: means.format(this.acceptedMeans(locale)) },
        {
          label: t('instructions.deadline'),
          value: formatShopDateTime(this.deadline(order), locale),
        },
        { label: t('instructions.next_steps_label'), value: t('instructions.next_steps') },
      ],
    }
  }
}
