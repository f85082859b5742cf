import { inject } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type { Locale } from '@comptoir/contracts/commerce'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import type Cart from '#models/cart'
import CartLine from '#models/cart_line'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import OrderStockAllocation from '#models/order_stock_allocation'
import CheckoutException from '#exceptions/checkout_exception'
import CheckoutService, {
  type CheckoutSummary,
  type PricedItem,
  type Shopper,
} from '#services/checkout/checkout_service'
import { cheapestStandardPrice, type ShippingOffer } from '#services/checkout/shipping_offers'
import CouponService from '#services/coupon_service'
import OrderingReadiness from '#services/checkout/ordering_readiness'
import { nextDocumentNumber, prepareDocumentSequence } from '#services/orders/document_numbers'
import OrderTimeline, { SHOPPER } from '#services/orders/order_timeline'
import PaymentLedger from '#services/orders/payment_ledger'
import StockAllocation from '#services/orders/stock_allocation'
import { orderSnapshot } from '#services/orders/order_snapshot'
import type { ShippingOfferRecord } from '#services/orders/order_record'
import { reductionRecords } from '#services/pricing/reduction_records'

/** The statutory withdrawal period, in days (LEGAL.md W-02). */
const WITHDRAWAL_PERIOD_DAYS = 14

export interface PlacementRequest {
  readonly locale: Locale
  readonly shopper: Shopper
  readonly ip: string | null
  /** The CGV box ticked at review (LEGAL.md P-03, P-05). */
  readonly termsAccepted: boolean
  /** The total the review page showed: the order is refused if it moved since. */
  readonly expectedTotal: number
}

/**
 * Turns a cart into an order in one transaction: the order and its snapshot,
 * its lines, the stock they take (never below zero, concurrent checkouts
 * included), the coupon's use and the pending payment. Any refusal rolls it
 * all back and leaves the cart as it was.
 */
@inject()
export default class OrderPlacement {
  constructor(
    protected checkout: CheckoutService,
    protected readiness: OrderingReadiness,
    protected stock: StockAllocation,
    protected coupons: CouponService,
    protected payments: PaymentLedger,
    protected timeline: OrderTimeline
  ) {}

  async place(cart: Cart, request: PlacementRequest): Promise<Order> {
    const summary = await this.checkout.summary(cart, request.locale, request.shopper)
    this.assertOrderable(summary)
    const readiness = await this.readiness.check()
    if (!readiness.ready) throw CheckoutException.shopNotReady(readiness.blocker)
    const { terms } = readiness
    if (!request.termsAccepted) throw CheckoutException.termsNotAccepted()
    if (summary.totals.total !== request.expectedTotal) throw CheckoutException.totalChanged()

    const placedAt = DateTime.now()
    const year = placedAt.setZone(SHOP_TIME_ZONE).year
    await prepareDocumentSequence('CMD', year)
    return db.transaction(async (trx) => {
      const order = await this.createOrder(trx, summary, request, terms, placedAt, year)
      const lines = await this.createLines(trx, order, summary)
      await this.redeemCoupon(trx, order, summary)
      await this.payments.open(trx, order, order.paymentMethodCode, SHOPPER)
      await this.timeline.record(trx, order, { type: 'placed', actor: SHOPPER, to: order.status })
      await this.emptyCart(trx, cart)
      trx.after('commit', () =>
        emitter.emit('order:placed', { order: orderSnapshot(order, lines) })
      )
      return order
    })
  }

  private assertOrderable(summary: CheckoutSummary) {
    if (!summary.items.length) throw CheckoutException.emptyCart()
    const [problem] = summary.problems
    if (problem) {
      throw problem.kind === 'unavailable'
        ? CheckoutException.productUnavailable(problem.name)
        : CheckoutException.stockUnavailable(problem.name, problem.available)
    }
    if (summary.coupon?.check.kind === 'refused') {
      throw CheckoutException.couponRefused(summary.coupon.check)
    }
    if (summary.nextStep !== 'review') throw CheckoutException.stepMissing(summary.nextStep)
  }

  private async createOrder(
    trx: TransactionClientContract,
    summary: CheckoutSummary,
    request: PlacementRequest,
    terms: { id: number; version: number; checksum: string },
    placedAt: DateTime,
    year: number
  ) {
    const { offer, pickupPoint } = summary.shipping!
    const payment = summary.payment!
    const windowHours = payment.provider.paymentWindowHours()
    const number = await nextDocumentNumber(trx, 'CMD', year)
    const applied = summary.coupon?.check.kind === 'applied' ? summary.coupon.check : null
    return Order.create(
      {
        number,
        status: 'pending_payment',
        paymentStatus: 'pending',
        customerId: request.shopper.customerId,
        email: summary.email!,
        locale: request.locale,
        currency: summary.currency,
        itemsTotal: summary.totals.itemsTotal,
        discountTotal: summary.totals.discountTotal,
        shippingTotal: summary.totals.shippingTotal,
        vatTotal: summary.totals.vatTotal,
        total: summary.totals.total,
        couponCode: applied?.code ?? null,
        shippingMethodCode: offer.code,
        shippingMethodLabel: offer.label,
        shippingService: offer.service,
        pickupPoint: pickupPoint && {
          code: pickupPoint.code,
          name: pickupPoint.name,
          address: pickupPoint.address,
          ...(pickupPoint.readyAt ? { readyAt: pickupPoint.readyAt.toISOString() } : {}),
          ...(pickupPoint.stockPlaceId === undefined
            ? {}
            : { stockPlaceId: pickupPoint.stockPlaceId }),
        },
        cheapestStandardShipping: cheapestStandardPrice(summary.offers),
        estimatedDeliveryFrom: DateTime.fromISO(offer.estimatedFrom),
        estimatedDeliveryTo: DateTime.fromISO(offer.estimatedTo),
        paymentMethodCode: payment.code,
        paymentMethodLabel: payment.label,
        paymentDueAt: windowHours === null ? null : placedAt.plus({ hours: windowHours }),
        shippingAddress: offer.service === 'pickup' ? null : summary.shippingAddress,
        billingAddress: summary.billingAddress!,
        termsVersionId: terms.id,
        termsChecksum: terms.checksum,
        snapshot: {
          vat: summary.totals.vat,
          shippingOffers: summary.offers.map(offerRecord),
          shipping: offerRecord(offer),
          coupon: applied && {
            code: applied.code,
            discount: applied.discount,
            freeShipping: applied.freeShipping,
          },
          terms: { versionId: terms.id, version: terms.version, checksum: terms.checksum },
          withdrawal: {
            periodDays: WITHDRAWAL_PERIOD_DAYS,
            exceptions: summary.items
              .filter((item) => item.withdrawalException !== 'none')
              .map((item) => ({ sku: item.sku, exception: item.withdrawalException })),
          },
          paymentWindowHours: windowHours,
          reductions: reductionRecords(summary.items, request.locale),
        },
        placedIp: request.ip,
        placedAt,
      },
      { client: trx }
    )
  }

  /**
   * Writes the lines and takes their stock: for a shop pickup from that shop,
   * otherwise from the locations that ship online orders, in the merchant's
   * order of priority.
   */
  private async createLines(
    trx: TransactionClientContract,
    order: Order,
    summary: CheckoutSummary
  ) {
    const stockPlaceId = summary.shipping!.pickupPoint?.stockPlaceId
    const locationIds =
      stockPlaceId === undefined ? await this.onlineLocationIds(trx) : [stockPlaceId]
    const lines: OrderLine[] = []
    for (const [position, item] of summary.items.entries()) {
      const line = await OrderLine.create(lineValues(order, item, position), { client: trx })
      const allocations = await this.stock.take(
        trx,
        { variantId: item.variantId, quantity: item.quantity, reference: order.number },
        locationIds
      )
      if (!allocations) {
        const available = await this.availableAt(trx, item.variantId, locationIds)
        throw CheckoutException.stockUnavailable(item.name, available)
      }
      await OrderStockAllocation.createMany(
        allocations.map((allocation) => ({ orderLineId: line.id, ...allocation })),
        { client: trx }
      )
      lines.push(line)
    }
    return lines
  }

  private async redeemCoupon(
    trx: TransactionClientContract,
    order: Order,
    summary: CheckoutSummary
  ) {
    const check = summary.coupon?.check
    if (check?.kind !== 'applied') return
    const result = await this.coupons.redeem(trx, {
      couponId: check.couponId,
      orderId: order.id,
      customerId: order.customerId,
      email: order.email,
      amount: check.discount,
    })
    if (result.kind === 'refused') throw CheckoutException.couponRefused(result)
  }

  /** The cart is emptied; the shopper's e-mail and addresses stay for next time. */
  private async emptyCart(trx: TransactionClientContract, cart: Cart) {
    await CartLine.query({ client: trx }).where('cart_id', cart.id).delete()
    cart.useTransaction(trx)
    const { email, shippingAddress, billingAddress } = cart.checkout ?? {}
    cart.checkout = { email, shippingAddress, billingAddress }
    cart.couponCode = null
    await cart.save()
  }

  private async onlineLocationIds(trx: TransactionClientContract): Promise<number[]> {
    const rows = await trx
      .from('stock_locations')
      .where('fulfils_online', true)
      .orderBy('position')
      .orderBy('id')
      .select('id')
    return rows.map((row) => Number(row.id))
  }

  private async availableAt(trx: TransactionClientContract, variantId: number, ids: number[]) {
    const row = await trx
      .from('stock_levels')
      .where('variant_id', variantId)
      .whereIn('stock_location_id', ids)
      .sum('quantity as total')
      .first()
    return Number(row?.total ?? 0)
  }
}

function offerRecord(offer: ShippingOffer): ShippingOfferRecord {
  return {
    code: offer.code,
    label: offer.label,
    price: offer.price,
    service: offer.service,
    delayDays: offer.delayDays,
  }
}

function lineValues(order: Order, item: PricedItem, position: number) {
  return {
    orderId: order.id,
    variantId: item.variantId,
    productId: item.productId,
    sku: item.sku,
    name: item.name,
    optionsLabel: item.optionsLabel,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    discount: item.discount,
    total: item.lineTotal,
    vatRate: item.vatRate,
    unitWeightGrams: item.weightGrams,
    withdrawalException: item.withdrawalException === 'none' ? null : item.withdrawalException,
    position,
  }
}
