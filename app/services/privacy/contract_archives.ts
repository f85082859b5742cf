import { createHash } from 'node:crypto'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import ContractArchive from '#models/contract_archive'
import LegalDocumentVersion from '#models/legal_document_version'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import Shipment from '#models/shipment'
import { contractRetentionEnd, requiresContractArchive } from '#domain/data_retention'
import { parisDate } from '#domain/paris_time'
import SettingsService from '#services/settings_service'
import type { ContractRecord } from '#services/privacy/contract_record'

/**
 * Contracts concluded online for €120 or more are kept ten years and handed
 * back to the consumer on request (LEGAL.md P-09). Each is copied, at
 * placement, into `contract_archives`: frozen, checksummed, apart from the
 * order, whose personal data an erasure may anonymise (R-04). The archive is
 * the restricted "archivage intermédiaire": it keeps the parties' names and
 * addresses because the contract cannot be proven without them.
 */
@inject()
export default class ContractArchives {
  constructor(protected settings: SettingsService) {}

  /**
   * Archives the order's contract when it must be, once (later calls return
   * the archive already made, or null for an order under the threshold).
   */
  async archive(orderId: number, trx?: TransactionClientContract) {
    const order = await Order.query({ client: trx }).where('id', orderId).firstOrFail()
    if (!requiresContractArchive({ amount: order.total, currency: order.currency })) return null
    const existing = await ContractArchive.query({ client: trx })
      .where('order_number', order.number)
      .first()
    if (existing) return existing

    const lines = await OrderLine.query({ client: trx })
      .where('order_id', order.id)
      .orderBy('position')
    const content = await this.record(order, lines, trx)
    const concludedOn = parisDate(order.placedAt.toJSDate())
    return ContractArchive.create(
      {
        orderId: order.id,
        orderNumber: order.number,
        concludedAt: order.placedAt,
        total: order.total,
        currency: order.currency,
        content,
        checksum: contractChecksum(content),
        retainUntil: DateTime.fromISO(contractRetentionEnd(concludedOn, null)),
      },
      { client: trx }
    )
  }

  /**
   * A delivery after the conclusion moves the end of the ten years (D213-2):
   * they run from the last parcel delivered.
   */
  async deliveredOn(orderId: number) {
    const archive = await ContractArchive.findBy('order_id', orderId)
    if (!archive) return
    const lastDelivery = await Shipment.query()
      .where('order_id', orderId)
      .whereNotNull('delivered_at')
      .orderBy('delivered_at', 'desc')
      .first()
    if (!lastDelivery?.deliveredAt) return
    const retainUntil = contractRetentionEnd(
      parisDate(archive.concludedAt.toJSDate()),
      parisDate(lastDelivery.deliveredAt.toJSDate())
    )
    if (retainUntil > archive.retainUntil.toISODate()!) {
      archive.retainUntil = DateTime.fromISO(retainUntil)
      await archive.save()
    }
  }

  /** The archives of a customer's orders, newest first. */
  forCustomer(customerId: number) {
    return ContractArchive.query()
      .whereIn('order_id', db.from('orders').where('customer_id', customerId).select('id'))
      .orderBy('concluded_at', 'desc')
  }

  /** Whether an archive is still what was written (its checksum matches). */
  isIntact(archive: ContractArchive) {
    return contractChecksum(archive.content) === archive.checksum
  }

  private async record(
    order: Order,
    lines: OrderLine[],
    trx?: TransactionClientContract
  ): Promise<ContractRecord> {
    const terms = await LegalDocumentVersion.find(order.termsVersionId, { client: trx })
    return {
      format: 'comptoir.contract.v1',
      number: order.number,
      concludedAt: order.placedAt.toUTC().toISO()!,
      locale: order.locale,
      currency: order.currency,
      seller: await this.settings.sellerIdentity(trx),
      buyer: {
        email: order.email,
        billingAddress: order.billingAddress,
        shippingAddress: order.shippingAddress,
      },
      lines: lines.map((line) => ({
        sku: line.sku,
        name: line.name,
        options: line.optionsLabel,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discount: line.discount,
        total: line.total,
        vatRate: line.vatRate,
      })),
      totals: {
        items: order.itemsTotal,
        discount: order.discountTotal,
        shipping: order.shippingTotal,
        vat: order.vatTotal,
        total: order.total,
      },
      shippingMethod: order.shippingMethodLabel,
      paymentMethod: order.paymentMethodLabel,
      terms: { version: terms?.version ?? null, checksum: order.termsChecksum },
      // Orders placed before the snapshot carried it have none.
      withdrawal: order.snapshot.withdrawal ?? null,
    }
  }
}

/** SHA-256 of the record as stored (JSON keeps the keys' order). */
export function contractChecksum(content: ContractRecord) {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex')
}
