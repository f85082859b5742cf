import i18nManager from '@adonisjs/i18n/services/main'
import type { SellerIdentity } from '#domain/seller_identity'
import type { Locale } from '#support/locale_paths'
import {
  PDF_FONTS as FONTS,
  createPdfDocument,
  drawPageFurniture,
  pdfBytes,
  toWinAnsi,
} from '#support/pdf_document'
import { sellerAddressLine, sellerIdentityLines } from '#support/seller_identity_lines'

export interface WithdrawalFormInput {
  locale: Locale
  /** Who the form is addressed to; without a legal identity, the shop's name. */
  identity: SellerIdentity | null
  shopName: string
  /** Written into the file: the same input always gives the same bytes. */
  createdAt: Date
}

const MARGIN = 56
const FOOTER_HEIGHT = 44
const SIZE = 10.5
const TEXT = '#1a1a1a'
const MUTED = '#555555'

/**
 * The model withdrawal form of the annex to article R221-1 (LEGAL.md W-21),
 * on one A4 page: the trader's name, geographic address and e-mail filled in,
 * then the consumer's fields with room to write by hand. The confirmation
 * e-mail attaches it (P-06); the storefront serves it at a stable URL.
 */
export function renderWithdrawalForm(input: WithdrawalFormInput): Promise<Buffer> {
  const i18n = i18nManager.locale(input.locale)
  const t = (key: string) => toWinAnsi(i18n.t(`legal.withdrawal_form.${key}`))
  const { identity } = input
  const doc = createPdfDocument({
    language: input.locale === 'fr' ? 'fr-FR' : 'en-GB',
    title: i18n.t('legal.withdrawal_form.title'),
    author: identity?.companyName ?? input.shopName,
    createdAt: input.createdAt,
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
  })
  const done = pdfBytes(doc)
  const width = doc.page.width - 2 * MARGIN

  doc.font(FONTS.bold).fontSize(16).fillColor(TEXT).text(t('title'), MARGIN, MARGIN, { width })
  doc.moveDown(0.6)
  doc.font(FONTS.italic).fontSize(SIZE).fillColor(MUTED).text(t('intro'), { width })
  doc.moveDown(1.2)

  const trader = identity
    ? [identity.companyName, sellerAddressLine(identity, i18n), identity.email]
    : [input.shopName]
  doc.font(FONTS.regular).fillColor(TEXT).text(t('to'), { width })
  doc.font(FONTS.bold)
  for (const line of trader)
    doc.text(toWinAnsi(line), MARGIN + 14, undefined, { width: width - 14 })
  doc.moveDown(1)

  doc.font(FONTS.regular).text(t('statement'), MARGIN, undefined, { width, lineGap: 2 })
  // Lines to write the goods or services on, then each field with its own.
  writingLines(doc, 3)
  for (const [field, lines] of [
    ['ordered', 1],
    ['name', 1],
    ['address', 2],
    ['signature', 3],
    ['date', 1],
  ] as const) {
    doc.moveDown(0.6)
    doc.font(FONTS.regular).fillColor(TEXT).text(t(field), MARGIN, undefined, { width })
    writingLines(doc, lines)
  }
  doc.moveDown(1)
  doc
    .font(FONTS.italic)
    .fontSize(9)
    .fillColor(MUTED)
    .text(t('strike'), MARGIN, undefined, { width })

  drawPageFurniture(doc, {
    margin: MARGIN,
    footerHeight: FOOTER_HEIGHT,
    footer: identity ? sellerIdentityLines(identity, i18n) : [],
    pageLabel: (page, total) => i18n.t('legal.pdf.page', { page, total }),
  })
  doc.end()
  return done
}

/** Dotted lines, a handwriting line apart. */
function writingLines(doc: PDFKit.PDFDocument, count: number) {
  for (let line = 0; line < count; line++) {
    const y = doc.y + 20
    doc
      .moveTo(MARGIN, y)
      .lineTo(doc.page.width - MARGIN, y)
      .dash(1.5, { space: 2.5 })
      .lineWidth(0.6)
      .strokeColor('#888888')
      .stroke()
      .undash()
    doc.y = y + 4
  }
}
