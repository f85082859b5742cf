import type { Locale, OrderSnapshot } from '@comptoir/contracts/commerce'
import {
  type PaymentAvailabilityContext,
  type PaymentLogo,
  PaymentProvider,
  type PaymentStart,
} from '@comptoir/contracts/payment_provider'
import { formatAmount, formatShopDateTime } from '@comptoir/contracts/formatting'
import { formatIban } from '#src/iban'
import { textsFor } from '#src/texts'

/** Days an order waits for its transfer when the merchant has not set the window. */
export const DEFAULT_PAYMENT_WINDOW_DAYS = 7

const HOUR_MS = 3_600_000

export interface BankTransferSettings {
  accountHolder: string
  /** Normalised by the settings rules: upper case, no spaces. */
  iban: string
  bic: string
  paymentWindowDays?: number
  instructionsFr?: string
  instructionsEn?: string
}

/**
 * Payment by SEPA credit transfer. The shopper gets the account details and
 * the order reference; the order waits until the merchant marks it paid in
 * the admin, or until the core cancels it once the payment window is over.
 * Nothing is refunded through the provider (the default `unsupported`): the
 * merchant sends the money back by transfer and the core records it.
 */
export class BankTransferPayment extends PaymentProvider {
  readonly code = 'bank-transfer'

  constructor(protected settings: BankTransferSettings) {
    super()
  }

  label(locale: Locale) {
    return textsFor(locale)('label')
  }

  /** A bank building, drawn for this plugin; its name is the label, so it reads as decoration. */
  logos(locale: Locale): PaymentLogo[] {
    return [{ name: this.label(locale), file: 'resources/logos/bank.svg' }]
  }

  paymentWindowHours() {
    return (this.settings.paymentWindowDays ?? DEFAULT_PAYMENT_WINDOW_DAYS) * 24
  }

  /** A SEPA transfer moves euros only. */
  async isAvailable(context: PaymentAvailabilityContext) {
    return context.total.currency === 'EUR'
  }

  /** When the core cancels the order if the transfer has not been marked received. */
  deadline(order: OrderSnapshot): Date {
    return new Date(order.placedAt.getTime() + this.paymentWindowHours() * HOUR_MS)
  }

  async start(order: OrderSnapshot, locale: Locale): Promise<PaymentStart> {
    const t = textsFor(locale)
    const note = locale === 'en' ? this.settings.instructionsEn : this.settings.instructionsFr
    // English shoppers get the French note rather than nothing.
    const instructions = note || this.settings.instructionsFr
    const lines = [
      { label: t('instructions.account_holder'), value: this.settings.accountHolder },
      { label: t('instructions.iban'), value: formatIban(this.settings.iban) },
      { label: t('instructions.bic'), value: this.settings.bic },
      { label: t('instructions.amount'), value: formatAmount(order.total, locale) },
      { label: t('instructions.reference'), value: order.reference },
      {
        label: t('instructions.deadline'),
        value: formatShopDateTime(this.deadline(order), locale),
      },
      { label: t('instructions.next_steps_label'), value: t('instructions.next_steps') },
    ]
    if (instructions) lines.push({ label: t('instructions.note'), value: instructions })
    return { kind: 'instructions', lines }
  }
}
