import type { Address } from '@comptoir/contracts/commerce'
import { mergedQuantities } from '#domain/line_quantities'
import { allocateProportionally } from '#domain/money'
import { orderTotals, type VatBreakdownLine } from '#domain/order_totals'
import type { SellerIdentity } from '#domain/seller_identity'
import { splitTaxIncluded, type VatRate } from '#domain/vat'

/**
 * Invoices and credit notes (LEGAL.md I-01 to I-04): what they print and how
 * much a credit note may take back. Amounts are integer minor units, tax
 * included unless named otherwise. Pure: no framework, no I/O.
 */

export type InvoiceKind = 'invoice' | 'credit_note'

/**
 * Goods sold, the delivery (one line per VAT rate it is split across: its
 * VAT follows the goods'), or an amount credited without goods behind it.
 */
export type InvoiceLineKind = 'goods' | 'shipping' | 'adjustment'

export interface InvoiceLine {
  readonly kind: InvoiceLineKind
  /** The order line sold or credited; null for delivery and adjustments. */
  readonly orderLineId: number | null
  readonly designation: string
  readonly sku: string | null
  readonly quantity: number
  /** Tax included, per unit. */
  readonly unitPrice: number
  /** Excluding tax, per unit, as printed (I-02). */
  readonly unitPriceExclTax: number
  /** The line's share of a coupon, tax included. */
  readonly discount: number
  readonly vatRate: VatRate
  /** unitPrice × quantity − discount. */
  readonly total: number
}

export interface DocumentTotals {
  /** Excluding tax (HT). */
  readonly net: number
  readonly vat: number
  /** Including tax (TTC). */
  readonly gross: number
  readonly discount: number
}

/** What a document charges or credits: its lines, VAT per rate and totals. */
export interface DocumentAmounts {
  readonly lines: readonly InvoiceLine[]
  /** Highest rate first. */
  readonly vat: readonly VatBreakdownLine[]
  readonly totals: DocumentTotals
}

/**
 * Everything an invoice or credit note prints, frozen when it is issued: the
 * seller's identity of that day, the buyer, the lines and amounts.
 */
export interface InvoiceRecord extends DocumentAmounts {
  readonly seller: SellerIdentity
  readonly buyer: { readonly email: string; readonly address: Address }
  /** Where the goods went, when not the billing address (I-03). */
  readonly deliveryAddress: Address | null
  readonly orderNumber: string
  /** Paris calendar day of the sale (the order), "2026-11-24". */
  readonly saleDate: string
  readonly paymentMethod: string
  /** When the order was paid; null on credit notes. */
  readonly paidAt: string | null
  /** Credit notes only: the invoice they correct and why (I-04). */
  readonly creditNote: {
    readonly invoiceNumber: string
    readonly invoiceIssuedAt: string
    readonly reason: string
  } | null
}

export interface SoldLine {
  readonly orderLineId: number
  readonly designation: string
  readonly sku: string
  readonly quantity: number
  readonly unitPrice: number
  readonly discount: number
  readonly vatRate: VatRate
}

/**
 * An invoice's lines and amounts, from the order's lines and delivery price:
 * the VAT per rate is the order's (orderTotals), so the invoice says what the
 * shopper was shown and paid.
 */
export function invoiceAmounts(
  sold: readonly SoldLine[],
  shipping: { designation: string; amount: number }
): DocumentAmounts {
  const totals = orderTotals(sold, shipping.amount)
  const lines: InvoiceLine[] = sold.map((line) => ({
    kind: 'goods',
    orderLineId: line.orderLineId,
    designation: line.designation,
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    unitPriceExclTax: splitTaxIncluded(line.unitPrice, line.vatRate).net,
    discount: line.discount,
    vatRate: line.vatRate,
    total: line.unitPrice * line.quantity - line.discount,
  }))
  for (const rate of totals.vat) {
    const goods = sum(lines.filter((line) => line.vatRate === rate.rate).map((line) => line.total))
    const share = rate.gross - goods
    if (share > 0) lines.push(singleLine('shipping', shipping.designation, rate.rate, share))
  }
  return { lines, vat: totals.vat, totals: totalsOf(totals.vat, lines) }
}

/**
 * What a credit note takes back: units of order lines, the rest of the
 * delivery, and/or an amount spread over the rates still open; or, with
 * `balance`, everything the invoice still has (the other fields unused).
 * `withheld` keeps part of the goods' price back (a depreciation deduction, a
 * return label charged: LEGAL.md W-16, W-17): negative lines labelled with
 * its reason, at the rates of the goods the same request credits.
 */
export interface CreditRequest {
  readonly lines?: readonly { orderLineId: number; quantity: number }[]
  readonly shipping?: boolean
  readonly amount?: number
  readonly balance?: boolean
  readonly withheld?: { readonly amount: number; readonly reason: string }
}

export type CreditRefusal =
  | 'empty'
  | 'unknown_line'
  | 'quantity_exceeded'
  | 'shipping_already_credited'
  | 'amount_exceeded'
  | 'withheld_exceeded'
  | 'withheld_without_reason'

export type CreditOutcome =
  | { readonly kind: 'credit'; readonly amounts: DocumentAmounts }
  | { readonly kind: 'refused'; readonly reason: CreditRefusal }

/** What an invoice still has that no credit note took back. */
export interface CreditBalance {
  /** Units not credited yet, by order line. */
  readonly quantities: ReadonlyMap<number, number>
  /** Delivery not credited yet, by rate. */
  readonly shipping: ReadonlyMap<VatRate, number>
  /** Tax-included amount not credited yet, by rate. */
  readonly gross: ReadonlyMap<VatRate, number>
  readonly total: number
}

export function creditBalance(
  invoice: DocumentAmounts,
  credits: readonly DocumentAmounts[]
): CreditBalance {
  const creditedLines = credits.flatMap((credit) => credit.lines)
  const quantities = new Map<number, number>()
  for (const line of invoice.lines) {
    if (line.kind !== 'goods' || line.orderLineId === null) continue
    const credited = sum(
      creditedLines
        .filter((credit) => credit.kind === 'goods' && credit.orderLineId === line.orderLineId)
        .map((credit) => credit.quantity)
    )
    quantities.set(line.orderLineId, line.quantity - credited)
  }
  const shipping = new Map<VatRate, number>()
  const gross = new Map<VatRate, number>()
  for (const { rate } of invoice.vat) {
    const ofRate = (lines: readonly InvoiceLine[], kind?: InvoiceLineKind) =>
      sum(
        lines
          .filter((line) => line.vatRate === rate && (!kind || line.kind === kind))
          .map((line) => line.total)
      )
    shipping.set(rate, ofRate(invoice.lines, 'shipping') - ofRate(creditedLines, 'shipping'))
    gross.set(rate, ofRate(invoice.lines) - ofRate(creditedLines))
  }
  return { quantities, shipping, gross, total: sum([...gross.values()]) }
}

/**
 * The lines and amounts of a credit note, or why it cannot be issued: never
 * more units than invoiced, the delivery once, and never more, at any rate,
 * than the invoice still has (I-04). The VAT credited at each rate is the
 * VAT of everything credited so far minus what earlier notes credited, so
 * crediting the whole invoice gives back exactly its VAT.
 */
export function creditNoteAmounts(
  invoice: DocumentAmounts,
  credits: readonly DocumentAmounts[],
  request: CreditRequest,
  labels: { adjustment: string }
): CreditOutcome {
  const balance = creditBalance(invoice, credits)
  const lines: InvoiceLine[] = []

  for (const { orderLineId, quantity } of mergedQuantities(
    request.lines ?? [],
    (line) => line.orderLineId
  )) {
    const sold = invoice.lines.find(
      (line) => line.kind === 'goods' && line.orderLineId === orderLineId
    )
    const left = balance.quantities.get(orderLineId)
    if (!sold || left === undefined) return refused('unknown_line')
    if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity > left) {
      return refused('quantity_exceeded')
    }
    const creditedBefore = sold.quantity - left
    const share = (units: number) => Math.round((sold.total * units) / sold.quantity)
    const total = share(creditedBefore + quantity) - share(creditedBefore)
    lines.push({ ...sold, quantity, discount: sold.unitPrice * quantity - total, total })
  }

  if (request.shipping) {
    const open = [...balance.shipping].filter(([, amount]) => amount > 0)
    if (!open.length) return refused('shipping_already_credited')
    const designation = invoice.lines.find((line) => line.kind === 'shipping')!.designation
    for (const [rate, amount] of open) lines.push(singleLine('shipping', designation, rate, amount))
  }

  if (request.withheld) {
    const withheld = withheldLines(lines, request.withheld)
    if (!Array.isArray(withheld)) return refused(withheld)
    lines.push(...withheld)
  }

  const rates = invoice.vat.map((line) => line.rate)
  const left = rates.map(
    (rate) =>
      balance.gross.get(rate)! - sum(lines.filter((line) => line.vatRate === rate).map(totalOf))
  )
  if (left.some((amount) => amount < 0)) return refused('amount_exceeded')

  const amount = request.amount ?? 0
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > sum(left)) {
    return refused('amount_exceeded')
  }
  if (amount > 0) {
    allocateProportionally(amount, left).forEach((share, index) => {
      if (share > 0) lines.push(singleLine('adjustment', labels.adjustment, rates[index], share))
    })
  }

  if (!lines.length) return refused('empty')
  return { kind: 'credit', amounts: creditedAmounts(invoice, credits, lines) }
}

/**
 * A credit note for everything the invoice still has (an order cancelled or
 * refunded in full): the remaining units and delivery, itemised; or, once an
 * amount was credited without goods, the balance left at each rate. Null when
 * nothing is left.
 */
export function balanceCreditAmounts(
  invoice: DocumentAmounts,
  credits: readonly DocumentAmounts[],
  labels: { adjustment: string; balance: string }
): DocumentAmounts | null {
  const balance = creditBalance(invoice, credits)
  if (balance.total <= 0) return null
  const itemised = creditNoteAmounts(
    invoice,
    credits,
    {
      lines: [...balance.quantities]
        .filter(([, quantity]) => quantity > 0)
        .map(([orderLineId, quantity]) => ({ orderLineId, quantity })),
      shipping: [...balance.shipping.values()].some((amount) => amount > 0),
    },
    labels
  )
  if (
    itemised.kind === 'credit' &&
    itemised.amounts.totals.gross === balance.total &&
    itemised.amounts.vat.every((line) => line.gross === balance.gross.get(line.rate))
  ) {
    return itemised.amounts
  }
  const lines = [...balance.gross]
    .filter(([, amount]) => amount > 0)
    .map(([rate, amount]) => singleLine('adjustment', labels.balance, rate, amount))
  return creditedAmounts(invoice, credits, lines)
}

/** Credit notes count negative in the journal and in any sum of sales. */
export function signedAmount(kind: InvoiceKind, amount: number): number {
  return kind === 'credit_note' ? -amount : amount
}

function creditedAmounts(
  invoice: DocumentAmounts,
  credits: readonly DocumentAmounts[],
  lines: InvoiceLine[]
): DocumentAmounts {
  const vat = invoice.vat.flatMap(({ rate }): VatBreakdownLine[] => {
    const gross = sum(lines.filter((line) => line.vatRate === rate).map(totalOf))
    if (gross === 0) return []
    const before = sum(
      credits.flatMap((credit) => credit.vat.filter((line) => line.rate === rate).map(grossOf))
    )
    const tax = splitTaxIncluded(before + gross, rate).vat - splitTaxIncluded(before, rate).vat
    return [{ rate, gross, vat: tax, net: gross - tax }]
  })
  return { lines, vat, totals: totalsOf(vat, lines) }
}

function singleLine(
  kind: InvoiceLineKind,
  designation: string,
  rate: VatRate,
  amount: number
): InvoiceLine {
  return {
    kind,
    orderLineId: null,
    designation,
    sku: null,
    quantity: 1,
    unitPrice: amount,
    unitPriceExclTax: splitTaxIncluded(amount, rate).net,
    discount: 0,
    vatRate: rate,
    total: amount,
  }
}

/**
 * The negative lines of an amount withheld from the goods credited, spread
 * over their rates in proportion to their totals; never more than they are.
 */
function withheldLines(
  credited: readonly InvoiceLine[],
  withheld: { amount: number; reason: string }
): InvoiceLine[] | CreditRefusal {
  const { amount } = withheld
  if (!Number.isSafeInteger(amount) || amount < 0) return 'withheld_exceeded'
  if (amount === 0) return []
  if (!withheld.reason.trim()) return 'withheld_without_reason'
  const goods = credited.filter((line) => line.kind === 'goods')
  const rates = [...new Set(goods.map((line) => line.vatRate))]
  const totals = rates.map((rate) =>
    sum(goods.filter((line) => line.vatRate === rate).map(totalOf))
  )
  if (amount > sum(totals)) return 'withheld_exceeded'
  return allocateProportionally(amount, totals).flatMap((share, index) => {
    if (share === 0) return []
    const line = singleLine('adjustment', withheld.reason.trim(), rates[index], share)
    return [{ ...line, unitPrice: -share, unitPriceExclTax: -line.unitPriceExclTax, total: -share }]
  })
}

function totalsOf(vat: readonly VatBreakdownLine[], lines: readonly InvoiceLine[]): DocumentTotals {
  return {
    net: sum(vat.map((line) => line.net)),
    vat: sum(vat.map((line) => line.vat)),
    gross: sum(vat.map(grossOf)),
    discount: sum(lines.map((line) => line.discount)),
  }
}

/**
 * What a credit request takes back: its items (creditNoteAmounts) or, for
 * `balance`, everything left (balanceCreditAmounts).
 */
export function requestedCredit(
  invoice: DocumentAmounts,
  credits: readonly DocumentAmounts[],
  request: CreditRequest,
  labels: { adjustment: string; balance: string }
): CreditOutcome {
  if (!request.balance) return creditNoteAmounts(invoice, credits, request, labels)
  const amounts = balanceCreditAmounts(invoice, credits, labels)
  return amounts ? { kind: 'credit', amounts } : refused('empty')
}

function refused(reason: CreditRefusal): CreditOutcome {
  return { kind: 'refused', reason }
}

function totalOf(line: InvoiceLine) {
  return line.total
}

function grossOf(line: VatBreakdownLine) {
  return line.gross
}

function sum(values: readonly number[]) {
  return values.reduce((result, value) => result + value, 0)
}
