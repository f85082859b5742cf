import PDFDocument from 'pdfkit'

/**
 * What every PDF the shop prints shares (legal documents, invoices): A4 pages
 * with the standard fonts, text made safe for their encoding, the same bytes
 * for the same input, and a footer with "Page n of N" on every page.
 */

/**
 * Standard PDF fonts: nothing to ship or embed, and every character French
 * text needs (accents, œ, €, « ») is in their WinAnsi encoding.
 */
export const PDF_FONTS = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
  mono: 'Courier',
}

/**
 * Characters outside Latin-1 that WinAnsi still has (by code point). Others
 * would print as a wrong glyph, so they become the nearest safe character.
 */
const WIN_ANSI_EXTRAS = new Set(
  [...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((character) => character.codePointAt(0)!)
)
const REPLACEMENTS: Record<string, string> = {
  '\u202f': '\u00a0',
  '\u2009': ' ',
  '\u2007': '\u00a0',
  '\u2011': '-',
  '\u2010': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2022': '•',
}

export function toWinAnsi(text: string): string {
  // French spacing: a guillemet or a colon never starts or ends a line alone.
  const spaced = text
    .normalize('NFC')
    .replace(/« /g, '«\u00a0')
    .replace(/ ([»:;!?])/g, '\u00a0$1')
  return [...spaced]
    .map((character) => {
      if (REPLACEMENTS[character]) return REPLACEMENTS[character]
      const code = character.codePointAt(0)!
      if (code === 0x0a || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) {
        return character
      }
      return WIN_ANSI_EXTRAS.has(code) ? character : '?'
    })
    .join('')
}

export interface PdfDocumentOptions {
  /** BCP 47 language of the text, "fr-FR". */
  language: string
  title: string
  author: string | null
  /** Written into the file (and its ID): the same input always gives the same bytes. */
  createdAt: Date
  margins: { top: number; left: number; right: number; bottom: number }
}

/**
 * An A4 document whose pages stay in memory until it ends, so the footer can
 * say how many there are.
 */
export function createPdfDocument(options: PdfDocumentOptions): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'A4',
    margins: options.margins,
    bufferPages: true,
    lang: options.language,
    displayTitle: true,
    info: {
      Title: toWinAnsi(options.title),
      ...(options.author ? { Author: toWinAnsi(options.author) } : {}),
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  })
}

/**
 * The document's bytes once it ends. Call before drawing: pdfkit streams as it
 * goes.
 */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = []
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

export interface PageFurniture {
  /** The page margin, left, right and bottom. */
  margin: number
  /** Room kept above the bottom margin for the footer lines. */
  footerHeight: number
  /** Small centred lines at the foot of every page (the seller's identity). */
  footer: string[]
  /** "Page 2 of 5", translated. */
  pageLabel: (page: number, total: number) => string
}

/**
 * The footer and "Page n of N" on every page, written once the page count is
 * known.
 */
export function drawPageFurniture(doc: PDFKit.PDFDocument, furniture: PageFurniture) {
  const { margin } = furniture
  const range = doc.bufferedPageRange()
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page)
    const bottomMargin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const width = doc.page.width - 2 * margin
    let y = doc.page.height - margin - furniture.footerHeight + 14
    doc.font(PDF_FONTS.regular).fontSize(7).fillColor('#555555')
    for (const line of furniture.footer) {
      doc.text(toWinAnsi(line), margin, y, { width, height: 9, align: 'center', ellipsis: true })
      y += 9
    }
    doc.fontSize(8)
    doc.text(
      toWinAnsi(furniture.pageLabel(page - range.start + 1, range.count)),
      margin,
      doc.page.height - margin + 4,
      { width, align: 'right', lineBreak: false }
    )
    doc.page.margins.bottom = bottomMargin
  }
}

/** A table cell: its text, its column's width, and how the text sits in it. */
export interface PdfCell {
  text: string
  width: number
  align?: 'left' | 'right'
}

/** A table row's height: its tallest cell, wrapped in its column, with padding. Set the font first. */
export function pdfRowHeight(doc: PDFKit.PDFDocument, cells: PdfCell[], padding: number) {
  const heights = cells.map((cell) =>
    doc.heightOfString(toWinAnsi(cell.text), { width: cell.width - 2 * padding })
  )
  return Math.max(...heights) + 2 * padding
}

/**
 * A table row at the current line, from `x`: each cell in its column, then a
 * rule across (heavier under a header). Set the font and colour first.
 */
export function drawPdfRow(
  doc: PDFKit.PDFDocument,
  cells: PdfCell[],
  options: { x: number; padding: number; rule: { color: string; weight: number } }
) {
  const { padding } = options
  const height = pdfRowHeight(doc, cells, padding)
  const y = doc.y
  let x = options.x
  for (const cell of cells) {
    doc.text(toWinAnsi(cell.text), x + padding, y + padding, {
      width: cell.width - 2 * padding,
      align: cell.align,
    })
    x += cell.width
  }
  doc.y = y + height
  doc
    .moveTo(options.x, doc.y)
    .lineTo(x, doc.y)
    .lineWidth(options.rule.weight)
    .strokeColor(options.rule.color)
    .stroke()
}
