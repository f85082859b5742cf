import type { I18n } from '@adonisjs/i18n'
import type { Address } from '@comptoir/contracts/commerce'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import { Money } from '#domain/money'
import type { InvoiceKind, InvoiceLine, InvoiceRecord } from '#domain/invoices'
import { formatSiren, formatSiret } from '#domain/seller_identity'
import { formatVatRate } from '#domain/vat'
import {
  PDF_FONTS as FONTS,
  createPdfDocument,
  drawPageFurniture,
  drawPdfRow,
  pdfBytes,
  pdfRowHeight,
  toWinAnsi,
} from '#support/pdf_document'
import { sellerIdentityLines } from '#support/seller_identity_lines'

export interface InvoicePdfInput {
  number: string
  kind: InvoiceKind
  issuedAt: Date
  currency: string
  record: InvoiceRecord
  /** In the order's language. */
  i18n: I18n
}

const MARGIN = 42
const FOOTER_HEIGHT = 40
const TEXT = '#1a1a1a'
const MUTED = '#555555'
const RULE = '#999999'
const SIZE = 8.5
const PADDING = 3

interface Column {
  key: string
  width: number
  align: 'left' | 'right'
  cell: (line: InvoiceLine) => string
}

/**
 * Lays an invoice or a credit note out on A4 pages with every mention French
 * law asks of it (LEGAL.md I-02, I-03, I-04): who sells and who buys, number
 * and dates, each line with its quantity, unit price excluding tax, discount
 * and VAT rate, the VAT base and amount per rate, totals, and how it was paid.
 * Only the document's frozen record is read, so the same document always
 * gives the same bytes.
 */
class InvoicePdfWriter {
  private doc: PDFKit.PDFDocument
  private i18n: I18n
  private record: InvoiceRecord

  constructor(private input: InvoicePdfInput) {
    this.i18n = input.i18n
    this.record = input.record
    this.doc = createPdfDocument({
      language: this.i18n.locale === 'en' ? 'en-GB' : 'fr-FR',
      title: this.title(),
      author: this.record.seller.companyName,
      createdAt: input.issuedAt,
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    })
  }

  render(): Promise<Buffer> {
    const done = pdfBytes(this.doc)
    this.header()
    this.parties()
    this.lines()
    this.totals()
    this.vatBreakdown()
    this.settlement()
    drawPageFurniture(this.doc, {
      margin: MARGIN,
      footerHeight: FOOTER_HEIGHT,
      footer: sellerIdentityLines(this.record.seller, this.i18n),
      pageLabel: (page, total) => this.t('pdf.page', { page, total }),
    })
    this.doc.end()
    return done
  }

  private t(key: string, data?: Record<string, unknown>) {
    return this.i18n.t(`invoices.${key}`, data)
  }

  private title() {
    const { creditNote } = this.record
    return creditNote
      ? this.t('pdf.credit_note_title', {
          number: this.input.number,
          invoice: creditNote.invoiceNumber,
        })
      : this.t('pdf.invoice_title', { number: this.input.number })
  }

  private money(amount: number) {
    return Money.of(amount, this.input.currency).format(this.i18n.locale)
  }

  private date(value: Date | string) {
    // A calendar day ("2026-11-24") is the same day everywhere; instants are Paris days.
    const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    return this.i18n.formatDate(day ? new Date(`${value}T12:00:00Z`) : new Date(value), {
      dateStyle: 'long',
      timeZone: day ? 'UTC' : SHOP_TIME_ZONE,
    })
  }

  private get width() {
    return this.doc.page.width - 2 * MARGIN
  }

  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom
  }

  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage()
      return true
    }
    return false
  }

  private write(
    text: string,
    options: PDFKit.Mixins.TextOptions & { x?: number; y?: number } = {}
  ) {
    const { x, y, ...rest } = options
    this.doc.text(toWinAnsi(text), x, y, rest)
  }

  /** The seller on the left; the document's title, number and dates on the right. */
  private header() {
    const { doc, record } = this
    const { seller } = record
    const half = this.width / 2
    const top = MARGIN

    doc.font(FONTS.bold).fontSize(12).fillColor(TEXT)
    this.write(seller.companyName, { x: MARGIN, y: top, width: half - 10 })
    doc.font(FONTS.regular).fontSize(SIZE).fillColor(TEXT)
    const form = this.i18n.t(`legal.legal_form_mentions.${seller.legalForm}`)
    const sellerLines = [
      seller.shareCapital
        ? this.t('pdf.seller.form_with_capital', {
            form,
            capital: Money.of(seller.shareCapital.amount, seller.shareCapital.currency).format(
              this.i18n.locale
            ),
          })
        : form,
      ...this.addressLines({ ...seller.address, countryCode: seller.address.country }),
      this.t('pdf.seller.siren', { siren: formatSiren(seller.siren) }) +
        ' · ' +
        this.t('pdf.seller.siret', { siret: formatSiret(seller.siret) }),
      seller.rcsCity
        ? this.t('pdf.seller.rcs', { city: seller.rcsCity, siren: formatSiren(seller.siren) })
        : null,
      seller.vatNumber ? this.t('pdf.seller.vat_number', { number: seller.vatNumber }) : null,
      [seller.email, seller.phone].filter(Boolean).join(' · '),
    ]
    for (const line of sellerLines) {
      if (line) this.write(line, { x: MARGIN, width: half - 10 })
    }
    const sellerBottom = doc.y

    const right = MARGIN + half
    doc.font(FONTS.bold).fontSize(15)
    this.write(this.t(this.input.kind === 'credit_note' ? 'pdf.credit_note' : 'pdf.invoice'), {
      x: right,
      y: top,
      width: half,
      align: 'right',
    })
    doc.font(FONTS.bold).fontSize(10)
    this.write(this.title(), { x: right, width: half, align: 'right' })
    doc.font(FONTS.regular).fontSize(SIZE)
    doc.moveDown(0.3)
    const facts = [
      this.t('pdf.issued_at', { date: this.date(this.input.issuedAt) }),
      this.t('pdf.sale_date', { date: this.date(record.saleDate) }),
      this.t('pdf.order', { number: record.orderNumber }),
    ]
    if (record.creditNote) {
      facts.push(
        this.t('pdf.invoice_of', {
          invoice: record.creditNote.invoiceNumber,
          date: this.date(record.creditNote.invoiceIssuedAt),
        })
      )
    }
    for (const fact of facts) this.write(fact, { x: right, width: half, align: 'right' })

    doc.y = Math.max(doc.y, sellerBottom) + 18
  }

  private addressLines(address: Address): string[] {
    const country =
      this.i18n.formatDisplayNames(address.countryCode, { type: 'region' }) ?? address.countryCode
    return [...address.lines, `${address.postalCode} ${address.city}`, country]
  }

  private personLines(address: Address): string[] {
    const name = [address.firstName, address.lastName].filter(Boolean).join(' ')
    return [name, address.company ?? '', ...this.addressLines(address)].filter(Boolean)
  }

  /** Who is invoiced, and where the goods went when that is elsewhere. */
  private parties() {
    const { doc, record } = this
    const half = this.width / 2
    const top = doc.y
    const block = (x: number, title: string, lines: string[]) => {
      doc.font(FONTS.bold).fontSize(SIZE).fillColor(MUTED)
      this.write(title.toUpperCase(), { x, y: top, width: half - 10 })
      doc.font(FONTS.regular).fontSize(9).fillColor(TEXT)
      for (const line of lines) this.write(line, { x, width: half - 10 })
      return doc.y
    }
    const billed = block(MARGIN, this.t('pdf.billed_to'), [
      ...this.personLines(record.buyer.address),
      record.buyer.email,
    ])
    const delivered = record.deliveryAddress
      ? block(MARGIN + half, this.t('pdf.delivered_to'), this.personLines(record.deliveryAddress))
      : top
    doc.y = Math.max(billed, delivered) + 18
  }

  private columns(): Column[] {
    const rate = (line: InvoiceLine) => formatVatRate(line.vatRate, this.i18n.locale)
    const fixed: Column[] = [
      { key: 'sku', width: 62, align: 'left', cell: (line) => line.sku ?? '' },
      { key: 'quantity', width: 28, align: 'right', cell: (line) => String(line.quantity) },
      {
        key: 'unit_excl',
        width: 56,
        align: 'right',
        cell: (line) => this.money(line.unitPriceExclTax),
      },
      { key: 'unit_incl', width: 56, align: 'right', cell: (line) => this.money(line.unitPrice) },
      {
        key: 'discount',
        width: 50,
        align: 'right',
        cell: (line) => (line.discount ? this.money(-line.discount) : ''),
      },
      { key: 'vat_rate', width: 36, align: 'right', cell: rate },
      { key: 'total', width: 62, align: 'right', cell: (line) => this.money(line.total) },
    ]
    const rest = this.width - fixed.reduce((sum, column) => sum + column.width, 0)
    return [
      { key: 'designation', width: rest, align: 'left', cell: (line) => line.designation },
      ...fixed,
    ]
  }

  /**
   * A row of cells, its height the tallest cell's; moved whole to the next
   * page when it does not fit.
   */
  private row(cells: { text: string; column: Column }[], font: string, header = false) {
    const { doc } = this
    const row = cells.map(({ text, column }) => ({
      text,
      width: column.width,
      align: column.align,
    }))
    doc.font(font).fontSize(SIZE)
    const moved = this.ensureSpace(pdfRowHeight(doc, row, PADDING))
    if (moved && !header) this.tableHeader()
    doc.font(font).fontSize(SIZE).fillColor(TEXT)
    drawPdfRow(doc, row, {
      x: MARGIN,
      padding: PADDING,
      rule: { color: RULE, weight: header ? 0.8 : 0.3 },
    })
  }

  private tableHeader() {
    this.row(
      this.columns().map((column) => ({ text: this.t(`pdf.columns.${column.key}`), column })),
      FONTS.bold,
      true
    )
  }

  private lines() {
    this.tableHeader()
    for (const line of this.record.lines) {
      this.row(
        this.columns().map((column) => ({ text: column.cell(line), column })),
        FONTS.regular
      )
    }
    this.doc.y += 12
  }

  /** Label and amount pairs, right-aligned under the table. */
  private summary(rows: [string, string, boolean][]) {
    const { doc } = this
    const labelWidth = 150
    const amountWidth = 80
    const x = MARGIN + this.width - labelWidth - amountWidth
    this.ensureSpace(rows.length * 14)
    for (const [label, amount, strong] of rows) {
      const y = doc.y
      doc
        .font(strong ? FONTS.bold : FONTS.regular)
        .fontSize(strong ? 10 : 9)
        .fillColor(TEXT)
      this.write(label, { x, y, width: labelWidth })
      this.write(amount, { x: x + labelWidth, y, width: amountWidth, align: 'right' })
      doc.y = Math.max(doc.y, y + 13)
    }
  }

  private totals() {
    const { totals } = this.record
    const rows: [string, string, boolean][] = []
    if (totals.discount) {
      rows.push([this.t('pdf.totals.discounts'), this.money(-totals.discount), false])
    }
    rows.push(
      [this.t('pdf.totals.net'), this.money(totals.net), false],
      [this.t('pdf.totals.vat'), this.money(totals.vat), false],
      [this.t('pdf.totals.gross'), this.money(totals.gross), true]
    )
    this.summary(rows)
    this.doc.y += 12
  }

  /** I-02: the VAT base and amount at each rate. */
  private vatBreakdown() {
    const { doc } = this
    const widths = [90, 100, 100, 100]
    const keys = ['rate', 'net', 'vat', 'gross'] as const
    this.ensureSpace((this.record.vat.length + 2) * 14)
    doc.font(FONTS.bold).fontSize(9).fillColor(TEXT)
    this.write(this.t('pdf.vat.title'), { x: MARGIN, width: this.width })
    doc.moveDown(0.3)
    const line = (cells: string[], font: string) => {
      const y = doc.y
      let x = MARGIN
      doc.font(font).fontSize(SIZE)
      cells.forEach((cell, index) => {
        this.write(cell, { x, y, width: widths[index] - 6, align: index ? 'right' : 'left' })
        x += widths[index]
      })
      doc.y = y + 12
    }
    line(
      keys.map((key) => this.t(`pdf.vat.${key}`)),
      FONTS.bold
    )
    for (const rate of this.record.vat) {
      line(
        [
          formatVatRate(rate.rate, this.i18n.locale),
          this.money(rate.net),
          this.money(rate.vat),
          this.money(rate.gross),
        ],
        FONTS.regular
      )
    }
    doc.y += 12
  }

  /** How it was paid (invoices), or why it is credited (credit notes). */
  private settlement() {
    const { doc, record } = this
    this.ensureSpace(40)
    doc.font(FONTS.regular).fontSize(9).fillColor(TEXT)
    const method = record.creditNote ? 'pdf.order_payment_method' : 'pdf.payment_method'
    this.write(this.t(method, { method: record.paymentMethod }), {
      x: MARGIN,
      width: this.width,
    })
    if (record.paidAt) {
      doc.font(FONTS.bold)
      this.write(this.t('pdf.paid_on', { date: this.date(record.paidAt) }), {
        x: MARGIN,
        width: this.width,
      })
    }
    if (record.creditNote) {
      doc.font(FONTS.regular)
      this.write(this.t('pdf.reason', { reason: record.creditNote.reason }), {
        x: MARGIN,
        width: this.width,
      })
    }
  }
}

/**
 * The PDF of an issued invoice or credit note, in the order's language.
 */
export function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  return new InvoicePdfWriter(input).render()
}
