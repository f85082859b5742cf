import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import type { Address } from '@comptoir/contracts/commerce'
import { formatShopDateTime } from '@comptoir/contracts/formatting'
import type { DateTime } from 'luxon'
import { Money } from '#domain/money'
import type { SellerIdentity } from '#domain/seller_identity'
import { formatPickupCode } from '#domain/pickups'
import Invoice from '#models/invoice'
import LegalDocumentVersion from '#models/legal_document_version'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import Shipment from '#models/shipment'
import InvoiceService from '#services/invoices/invoice_service'
import LegalDocumentService from '#services/legal/legal_document_service'
import OrderMail, {
  subjectKey,
  type MailAttachment,
  type OrderEmailKind,
} from '#services/orders/order_mail'
import OrderTimeline, { SYSTEM } from '#services/orders/order_timeline'
import { unsealPickupCode } from '#services/orders/pickup_codes'
import ShipmentService from '#services/orders/shipment_service'
import SettingsService from '#services/settings_service'
import { parisDate } from '#domain/paris_time'
import { renderWithdrawalForm } from '#services/legal/withdrawal_form_pdf'
import { acknowledgementContent } from '#services/withdrawals/withdrawal_statement'
import { claimEmailContent, type ClaimStep } from '#services/guarantee/claim_items'
import { formatCalendarDay } from '#support/calendar_days'
import { WITHDRAWAL_FORM_FILES } from '#support/legal_pages'
import type { Locale } from '#support/locale_paths'
import { trackingUrl } from '#support/order_access'
import { recapOfOrder } from '#support/order_recap'
import { sellerIdentityLines } from '#support/seller_identity_lines'

export interface OrderEmailRequest {
  readonly kind: OrderEmailKind
  readonly orderId: number
  /** The parcel an `order_shipped` or `order_delivered` e-mail is about. */
  readonly shipmentId?: number
  /** The code a `ready_for_pickup` e-mail gives, encrypted (sealPickupCode). */
  readonly pickupCode?: string
  /** The statement a `withdrawal_acknowledgement` e-mail acknowledges. */
  readonly withdrawalId?: number
  /** The claim a `guarantee_claim_*` e-mail is about, and the decision an update tells of. */
  readonly guaranteeClaimId?: number
  readonly guaranteeStep?: ClaimStep
}

/** What one kind of e-mail adds to the shared view data, and its attachments. */
interface MailContent {
  readonly data: Record<string, unknown>
  readonly documents?: MailAttachment[]
  /** Where it goes when not to the order's e-mail (a withdrawal's acknowledgement, WF-04). */
  readonly to?: string
}

/** The lines of an address as an envelope shows them. */
function addressLines(address: Address, name: string | null = null): string[] {
  return [
    name ?? `${address.firstName} ${address.lastName}`.trim(),
    address.company ?? '',
    ...address.lines,
    `${address.postalCode} ${address.city}`,
  ].filter((line) => line !== '')
}

/** Only web links become links: the tracking URL is typed in by staff. */
function webLink(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null
}

/**
 * The e-mails an order sends its customer, in the order's language: the
 * confirmation on a durable medium with the accepted CGV (LEGAL.md P-05,
 * P-06), the payment received, each parcel shipped and delivered, and a late
 * delivery's new date (D-01), a click & collect order ready with its pickup
 * code (OrderPickups). Each one sent is written on the order's timeline, so
 * staff see what the customer received. The SendOrderEmail job calls this
 * after the order's transaction committed.
 */
@inject()
export default class OrderEmails {
  constructor(
    protected settings: SettingsService,
    protected legalDocuments: LegalDocumentService,
    protected invoices: InvoiceService,
    protected shipments: ShipmentService,
    protected timeline: OrderTimeline
  ) {}

  /** Renders and sends one e-mail, then writes it on the order's timeline. */
  async send(request: OrderEmailRequest): Promise<void> {
    const order = await Order.findOrFail(request.orderId)
    const message = await this.compose(order, request)
    await mail.send(message)
    const documents = message.documents.map((document) => document.filename)
    await this.record(
      order,
      `${request.kind} sent to ${message.recipient}` +
        (documents.length ? ` (${documents.join(', ')})` : '')
    )
  }

  /** Tells staff on the timeline that an e-mail could not be sent at all, and why. */
  async recordFailure(request: OrderEmailRequest, error: Error): Promise<void> {
    const order = await Order.find(request.orderId)
    // The queue reports "retries spent" with the last failure as its cause.
    const reason = error.cause instanceof Error ? error.cause.message : error.message
    if (order) await this.record(order, `${request.kind} not sent: ${reason}`)
  }

  async compose(order: Order, request: OrderEmailRequest): Promise<OrderMail> {
    const locale = order.locale as Locale
    const i18n = i18nManager.locale(locale)
    const [{ 'shop.name': shop }, identity] = await Promise.all([
      this.settings.all(),
      this.settings.sellerIdentity(),
    ])
    const subject = i18n.t(subjectKey(request.kind), { number: order.number, shop })
    const content = await this.content(order, request, locale, { shop, identity })
    const data = {
      kind: request.kind,
      i18n,
      locale,
      shop,
      subject,
      order,
      customerName: order.billingAddress.firstName,
      seller: identity ? sellerIdentityLines(identity, i18n) : [],
      trackingLink: trackingUrl(order),
      formatMoney: (amount: number) => Money.of(amount, order.currency).format(locale),
      formatDay: (date: string | DateTime) => formatCalendarDay(date, locale),
      formatDateTime: (date: DateTime) => formatShopDateTime(date.toJSDate(), locale),
      ...content.data,
    }
    return new OrderMail(
      request.kind,
      content.to ?? order.email,
      subject,
      data,
      content.documents ?? []
    )
  }

  private content(
    order: Order,
    request: OrderEmailRequest,
    locale: Locale,
    seller: { shop: string; identity: SellerIdentity | null }
  ): Promise<MailContent> {
    switch (request.kind) {
      case 'order_confirmation':
        return this.confirmation(order, locale, seller)
      case 'payment_received':
        return this.paymentReceived(order)
      case 'order_shipped':
        return this.shipped(order, request.shipmentId)
      case 'order_delivered':
        return this.delivered(order, request.shipmentId)
      case 'delivery_delayed':
        return this.delayed(order)
      case 'ready_for_pickup':
        return this.readyForPickup(order, request.pickupCode)
      case 'withdrawal_acknowledgement':
        return acknowledgementContent(order, request.withdrawalId, locale, seller.identity)
      case 'guarantee_claim_received':
      case 'guarantee_claim_update':
        return claimEmailContent(order, request, seller.identity)
    }
  }

  /**
   * What was agreed, on a durable medium: the recap, delivery, payment, the
   * withdrawal right and its exceptions line by line, the CGV the order
   * accepted as PDF and the model withdrawal form (P-06, W-21).
   */
  private async confirmation(
    order: Order,
    locale: Locale,
    seller: { shop: string; identity: SellerIdentity | null }
  ): Promise<MailContent> {
    const [lines, payment, terms] = await Promise.all([
      this.linesOf(order),
      Payment.query().where('order_id', order.id).orderBy('id', 'desc').first(),
      LegalDocumentVersion.findOrFail(order.termsVersionId),
    ])
    const [pdf, form] = await Promise.all([
      this.legalDocuments.pdf(terms, locale),
      renderWithdrawalForm({
        locale,
        identity: seller.identity,
        shopName: seller.shop,
        createdAt: order.placedAt.toJSDate(),
      }),
    ])
    const termsFile = `cgv-v${terms.version}-${locale}.pdf`
    const withdrawalFormFile = WITHDRAWAL_FORM_FILES[locale]
    const awaitsPayment =
      order.status === 'pending_payment' &&
      (payment?.status === 'pending' || payment?.status === 'authorized')
    const { withdrawal } = order.snapshot
    return {
      data: {
        recap: recapOfOrder(order, lines),
        delivery: this.deliveryOf(order),
        billing: addressLines(order.billingAddress),
        awaitsPayment,
        instructions: awaitsPayment ? (payment?.instructions ?? []) : [],
        withdrawalDays: withdrawal.periodDays,
        withdrawalExceptions: withdrawal.exceptions.map(({ sku, exception }) => ({
          name: lines.find((line) => line.sku === sku)?.name ?? sku,
          exception,
        })),
        termsVersion: terms.version,
        termsFile,
        withdrawalFormFile,
      },
      documents: [
        { filename: termsFile, contentType: 'application/pdf', content: pdf },
        { filename: withdrawalFormFile, contentType: 'application/pdf', content: form },
      ],
    }
  }

  /**
   * With the invoice, issued in the transaction that recorded the payment
   * (LEGAL.md I-01), as the PDF stored then.
   */
  private async paymentReceived(order: Order): Promise<MailContent> {
    const invoice = await Invoice.query()
      .where('order_id', order.id)
      .where('kind', 'invoice')
      .orderBy('id')
      .first()
    const documents = invoice
      ? [
          {
            filename: `${invoice.number}.pdf`,
            contentType: 'application/pdf',
            content: await this.invoices.pdf(invoice),
          },
        ]
      : []
    return { data: { delivery: this.deliveryOf(order), invoice }, documents }
  }

  private async shipped(order: Order, shipmentId?: number): Promise<MailContent> {
    const [shipment, lines] = await Promise.all([
      this.shipmentOf(order, shipmentId),
      this.linesOf(order),
    ])
    const remaining = await this.shipments.remaining(order.id)
    return {
      data: {
        shipment,
        parcel: this.parcelOf(shipment, lines),
        carrierLink: webLink(shipment.trackingUrl),
        moreToCome: [...remaining.values()].some((left) => left > 0),
        delivery: this.deliveryOf(order),
      },
    }
  }

  private async delivered(order: Order, shipmentId?: number): Promise<MailContent> {
    const [shipment, lines] = await Promise.all([
      this.shipmentOf(order, shipmentId),
      this.linesOf(order),
    ])
    const withdrawable = lines.some((line) => line.withdrawalException === null)
    return {
      data: {
        shipment,
        deliveredOn: shipment.deliveredAt ? parisDate(shipment.deliveredAt.toJSDate()) : null,
        parcel: this.parcelOf(shipment, lines),
        wholeOrder: order.status === 'delivered',
        withdrawalDays: withdrawable ? order.snapshot.withdrawal.periodDays : null,
      },
    }
  }

  private async delayed(order: Order): Promise<MailContent> {
    return {
      data: {
        promised: order.estimatedDeliveryTo,
        revised: order.revisedDeliveryTo,
      },
    }
  }

  /**
   * The pickup code, which only this e-mail shows (the shop keeps its hash),
   * the shop and what is left to pay there, and until when.
   */
  private async readyForPickup(order: Order, sealedCode?: string): Promise<MailContent> {
    const unpaid = order.paidAt === null
    return {
      data: {
        delivery: this.deliveryOf(order),
        pickupCode: sealedCode ? formatPickupCode(unsealPickupCode(sealedCode)) : null,
        amountDue: unpaid ? order.total : null,
        collectBy: unpaid ? order.paymentDueAt : null,
      },
    }
  }

  private linesOf(order: Order) {
    return OrderLine.query().where('order_id', order.id).orderBy('position')
  }

  private shipmentOf(order: Order, shipmentId?: number) {
    const query = Shipment.query().where('order_id', order.id).preload('lines')
    return shipmentId === undefined
      ? query.orderBy('id', 'desc').firstOrFail()
      : query.where('id', shipmentId).firstOrFail()
  }

  /** What a parcel holds, by the names the customer saw. */
  private parcelOf(shipment: Shipment, lines: readonly OrderLine[]) {
    return shipment.lines.flatMap((item) => {
      const line = lines.find((candidate) => candidate.id === item.orderLineId)
      return line
        ? [{ name: line.name, optionsLabel: line.optionsLabel, quantity: item.quantity }]
        : []
    })
  }

  /** Where the order goes, with its dates as promised at checkout. */
  private deliveryOf(order: Order) {
    const pickup = order.pickupPoint
    return {
      pickup: pickup !== null,
      method: order.shippingMethodLabel,
      place: pickup
        ? addressLines(pickup.address, pickup.name)
        : order.shippingAddress
          ? addressLines(order.shippingAddress)
          : [],
      readyAt: pickup?.readyAt
        ? formatShopDateTime(new Date(pickup.readyAt), order.locale as Locale)
        : null,
      from: order.estimatedDeliveryFrom,
      to: order.revisedDeliveryTo ?? order.estimatedDeliveryTo,
    }
  }

  private async record(order: Order, note: string) {
    await db.transaction((trx) =>
      this.timeline.record(trx, order, { type: 'email', actor: SYSTEM, note })
    )
  }
}
