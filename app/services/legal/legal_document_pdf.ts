import type { Token } from 'markdown-it'
import { markdownTokens } from '#support/markdown'
import {
  PDF_FONTS as FONTS,
  createPdfDocument,
  drawPageFurniture,
  pdfBytes,
  toWinAnsi,
} from '#support/pdf_document'

export interface LegalPdfInput {
  /** BCP 47 language of the text, "fr-FR". */
  language: string
  title: string
  /** Lines under the title: version, effective date, checksum. */
  meta: string[]
  /** Markdown, as published. */
  body: string
  /** The seller's identity, printed at the foot of every page; empty when unset. */
  footer: string[]
  /** "Page 2 of 5", translated. */
  pageLabel: (page: number, total: number) => string
  /** Written into the file (and its ID): the same input always gives the same bytes. */
  createdAt: Date
  author: string | null
}

const MARGIN = 56
const FOOTER_HEIGHT = 44
const BODY_SIZE = 10
const LINE_GAP = 2.5
const TEXT = '#1a1a1a'
const MUTED = '#555555'
const LINK = '#1a4d8f'
const HEADING_SIZES: Record<string, number> = { h1: 16, h2: 13, h3: 11.5, h4: 10.5, h5: 10, h6: 10 }

interface Run {
  text: string
  bold: boolean
  italic: boolean
  mono: boolean
  link: string | null
}

/**
 * An inline token's children as runs of text sharing one style.
 */
function inlineRuns(inline: Token | undefined, base: Partial<Run> = {}): Run[] {
  const runs: Run[] = []
  const state: Run = { text: '', bold: false, italic: false, mono: false, link: null, ...base }
  const push = (text: string, overrides: Partial<Run> = {}) => {
    if (text) runs.push({ ...state, ...overrides, text: toWinAnsi(text) })
  }
  for (const child of inline?.children ?? []) {
    switch (child.type) {
      case 'text':
        push(child.content)
        break
      case 'softbreak':
        push(' ')
        break
      case 'hardbreak':
        push('\n')
        break
      case 'code_inline':
        push(child.content, { mono: true })
        break
      case 'image':
        push(child.content)
        break
      case 'strong_open':
        state.bold = true
        break
      case 'strong_close':
        state.bold = base.bold ?? false
        break
      case 'em_open':
        state.italic = true
        break
      case 'em_close':
        state.italic = base.italic ?? false
        break
      case 'link_open':
        state.link = String(child.attrGet('href') ?? '') || null
        break
      case 'link_close':
        state.link = null
        break
    }
  }
  return runs
}

function fontOf(run: Run): string {
  if (run.mono) return FONTS.mono
  if (run.bold && run.italic) return FONTS.boldItalic
  if (run.bold) return FONTS.bold
  return run.italic ? FONTS.italic : FONTS.regular
}

interface Frame {
  x: number
  width: number
}

/**
 * Lays the Markdown of a legal document out on A4 pages: headings, paragraphs,
 * bullet and numbered lists, quotes drawn as a box (the legal guarantee's
 * "encadré"), rules, code and tables as plain rows.
 */
class LegalPdfWriter {
  private doc: PDFKit.PDFDocument
  private listStack: { ordered: boolean; next: number }[] = []
  private quoteDepth = 0

  constructor(private input: LegalPdfInput) {
    this.doc = createPdfDocument({
      language: input.language,
      title: input.title,
      author: input.author,
      createdAt: input.createdAt,
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    })
  }

  render(): Promise<Buffer> {
    const done = pdfBytes(this.doc)
    this.header()
    this.blocks(markdownTokens(this.input.body))
    drawPageFurniture(this.doc, {
      margin: MARGIN,
      footerHeight: FOOTER_HEIGHT,
      footer: this.input.footer,
      pageLabel: this.input.pageLabel,
    })
    this.doc.end()
    return done
  }

  /**
   * Where text goes: the page between margins, narrowed on both sides inside
   * quotes, then on the left for each level of list.
   */
  private get frame(): Frame {
    const quote = this.quoteDepth * 14
    const list = this.listStack.length * 16
    return {
      x: MARGIN + quote + list,
      width: this.doc.page.width - 2 * MARGIN - 2 * quote - list,
    }
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom
  }

  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage()
  }

  private header() {
    const { doc } = this
    doc.font(FONTS.bold).fontSize(18).fillColor(TEXT)
    doc.text(toWinAnsi(this.input.title), MARGIN, MARGIN, { width: this.frame.width })
    doc.moveDown(0.4)
    doc.font(FONTS.regular).fontSize(9).fillColor(MUTED)
    for (const line of this.input.meta) {
      doc.text(toWinAnsi(line), MARGIN, undefined, { width: this.frame.width })
    }
    doc.moveDown(0.6)
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(doc.page.width - MARGIN, doc.y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
    doc.moveDown(0.8)
  }

  private writeRuns(runs: Run[], size: number, frame: Frame = this.frame) {
    const { doc } = this
    if (!runs.length) return
    doc.fontSize(size)
    runs.forEach((run, index) => {
      const options = {
        continued: index < runs.length - 1,
        link: run.link,
        underline: !!run.link,
        lineGap: LINE_GAP,
      }
      doc.font(fontOf(run)).fillColor(run.link ? LINK : TEXT)
      if (index === 0) doc.text(run.text, frame.x, undefined, { ...options, width: frame.width })
      else doc.text(run.text, options)
    })
    doc.fillColor(TEXT)
  }

  private blocks(tokens: Token[]) {
    const { doc } = this
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]
      switch (token.type) {
        case 'heading_open': {
          const size = HEADING_SIZES[token.tag] ?? BODY_SIZE
          // Keep a heading with the first lines of what follows.
          this.ensureSpace(size * 2 + BODY_SIZE * 3)
          doc.moveDown(token.tag === 'h1' ? 0.6 : 0.4)
          this.writeRuns(inlineRuns(tokens[index + 1], { bold: true }), size)
          doc.moveDown(0.3)
          index += 2
          break
        }
        case 'paragraph_open': {
          const runs = inlineRuns(tokens[index + 1])
          const list = this.listStack.at(-1)
          if (list && tokens[index - 1]?.type === 'list_item_open') this.listItem(runs, list)
          else this.writeRuns(runs, BODY_SIZE)
          doc.moveDown(list ? 0.2 : 0.5)
          index += 2
          break
        }
        case 'bullet_list_open':
        case 'ordered_list_open':
          this.listStack.push({
            ordered: token.type === 'ordered_list_open',
            next: Number(token.attrGet('start') ?? 1),
          })
          break
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.listStack.pop()
          if (!this.listStack.length) doc.moveDown(0.5)
          break
        case 'blockquote_open': {
          const close = this.closingIndex(tokens, index)
          this.quote(tokens.slice(index + 1, close))
          index = close
          break
        }
        case 'hr':
          doc.moveDown(0.3)
          doc
            .moveTo(MARGIN, doc.y)
            .lineTo(doc.page.width - MARGIN, doc.y)
            .lineWidth(0.5)
            .strokeColor('#999999')
            .stroke()
          doc.moveDown(0.8)
          break
        case 'fence':
        case 'code_block':
          doc.font(FONTS.mono).fontSize(9).fillColor(TEXT)
          doc.text(toWinAnsi(token.content.replace(/\n$/, '')), this.frame.x, undefined, {
            width: this.frame.width,
            lineGap: LINE_GAP,
          })
          doc.moveDown(0.5)
          break
        case 'tr_open': {
          const cells: Run[] = []
          const separator = { text: '  |  ', bold: false, italic: false, mono: false, link: null }
          for (let cell = index + 1; tokens[cell].type !== 'tr_close'; cell++) {
            if (tokens[cell].type !== 'inline') continue
            if (cells.length) cells.push(separator)
            cells.push(...inlineRuns(tokens[cell], { bold: tokens[cell - 1].type === 'th_open' }))
          }
          this.writeRuns(cells, BODY_SIZE)
          break
        }
        case 'table_close':
          doc.moveDown(0.5)
          break
      }
    }
  }

  /**
   * The first paragraph of a list item, with its bullet or number in the
   * indent before it.
   */
  private listItem(runs: Run[], list: { ordered: boolean; next: number }) {
    const { doc } = this
    const frame = this.frame
    const marker = list.ordered ? `${list.next++}.` : this.listStack.length % 2 ? '•' : '–'
    this.ensureSpace(BODY_SIZE * 1.5)
    const y = doc.y
    doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(TEXT)
    doc.text(marker, frame.x - 16, y, { width: 14, lineBreak: false })
    doc.y = y
    this.writeRuns(runs, BODY_SIZE, frame)
  }

  private closingIndex(tokens: Token[], open: number): number {
    let depth = 0
    for (let index = open; index < tokens.length; index++) {
      if (tokens[index].type === 'blockquote_open') depth++
      if (tokens[index].type === 'blockquote_close' && --depth === 0) return index
    }
    return tokens.length - 1
  }

  /**
   * A boxed quote. Moved to the next page when it would not fit on this one
   * but fits on a page; a longer one is boxed in pieces, open where it
   * crosses a page break.
   */
  private quote(inner: Token[]) {
    const { doc } = this
    const padding = 8
    this.quoteDepth++
    doc.font(FONTS.regular).fontSize(BODY_SIZE)
    const estimate =
      inner
        .filter((token) => token.type === 'inline')
        .map((token) =>
          inlineRuns(token)
            .map((run) => run.text)
            .join('')
        )
        .reduce(
          (height, text) =>
            height +
            doc.heightOfString(text, { width: this.frame.width, lineGap: LINE_GAP }) +
            BODY_SIZE * 0.7,
          0
        ) *
        1.1 +
      padding * 2
    const fitsOnAPage = estimate < this.bottom - MARGIN
    const roomLeft = this.bottom - doc.y
    if ((fitsOnAPage && estimate > roomLeft) || roomLeft < padding + BODY_SIZE * 4) doc.addPage()

    const start = { page: this.pageIndex(), y: doc.y }
    doc.y += padding
    this.blocks(inner)
    this.quoteDepth--
    const end = { page: this.pageIndex(), y: doc.y }

    const { x, width } = this.frame
    const left = x + 4
    const right = x + width - 4
    for (let page = start.page; page <= end.page; page++) {
      doc.switchToPage(page)
      const top = page === start.page ? start.y : MARGIN - padding
      const bottom = page === end.page ? end.y : this.bottom + padding
      doc.lineWidth(0.8).strokeColor('#333333')
      doc.moveTo(left, top).lineTo(left, bottom).moveTo(right, top).lineTo(right, bottom).stroke()
      if (page === start.page) doc.moveTo(left, top).lineTo(right, top).stroke()
      if (page === end.page) doc.moveTo(left, bottom).lineTo(right, bottom).stroke()
    }
    doc.y = end.y + padding
    doc.x = MARGIN
  }

  private pageIndex(): number {
    const range = this.doc.bufferedPageRange()
    return range.start + range.count - 1
  }
}

/**
 * The PDF of one language of a published legal document version.
 */
export function renderLegalPdf(input: LegalPdfInput): Promise<Buffer> {
  return new LegalPdfWriter(input).render()
}
