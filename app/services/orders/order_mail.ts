import edge from 'edge.js'
import { BaseMail } from '@adonisjs/mail'

/** The e-mails an order sends its customer, each from its own pair of templates. */
export const ORDER_EMAIL_KINDS = [
  'order_confirmation',
  'payment_received',
  'order_shipped',
  'order_delivered',
  'delivery_delayed',
  'ready_for_pickup',
  'withdrawal_acknowledgement',
  'guarantee_claim_received',
  'guarantee_claim_update',
] as const
export type OrderEmailKind = (typeof ORDER_EMAIL_KINDS)[number]

/** A kind added with its own feature keeps its texts in that feature's translations. */
const SUBJECT_KEYS: Partial<Record<OrderEmailKind, string>> = {
  ready_for_pickup: 'pickups.email.subject',
  withdrawal_acknowledgement: 'withdrawals.email.subject',
  guarantee_claim_received: 'guarantee.email.received_subject',
  guarantee_claim_update: 'guarantee.email.update_subject',
}

/** The translation key of a kind's subject ({number}, {shop}). */
export function subjectKey(kind: OrderEmailKind): string {
  return SUBJECT_KEYS[kind] ?? `emails.${kind}.subject`
}

export interface MailAttachment {
  readonly filename: string
  readonly contentType: string
  readonly content: Buffer
}

/**
 * One e-mail to an order's customer, already translated: an HTML part from
 * `emails/orders/<kind>_html` and a plain-text part from `<kind>_text`, with
 * its documents attached (the accepted CGV, the invoice).
 */
export default class OrderMail extends BaseMail {
  constructor(
    readonly kind: OrderEmailKind,
    readonly recipient: string,
    subject: string,
    readonly data: Record<string, unknown>,
    readonly documents: readonly MailAttachment[] = []
  ) {
    super()
    this.subject = subject
  }

  async prepare() {
    const text = await edge.render(`emails/orders/${this.kind}_text`, this.data)
    this.message
      .to(this.recipient)
      .htmlView(`emails/orders/${this.kind}_html`, this.data)
      .text(tidyText(text))
    for (const document of this.documents) {
      this.message.attachData(document.content, {
        filename: document.filename,
        contentType: document.contentType,
      })
    }
  }
}

/**
 * Edge keeps or drops the line break next to a tag depending on what the tag
 * renders: the text part is tidied to single blank lines between paragraphs.
 */
function tidyText(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`
}
