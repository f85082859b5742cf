import type { I18n } from '@adonisjs/i18n'
import {
  PDF_FONTS as FONTS,
  createPdfDocument,
  drawPageFurniture,
  drawPdfRow,
  pdfBytes,
  pdfRowHeight,
  toWinAnsi,
} from '#support/pdf_document'
import { type SecurityEvidenceData, evidenceText } from '#services/security/security_evidence'

const MARGIN = 40
const FOOTER_HEIGHT = 24
const SIZE = 7.5
const TEXT = '#1a1a1a'
const MUTED = '#555555'
const RULE = '#999999'
const PADDING = 2

/** A column: its header and share of the page width. */
type Table = { header: string; share: number }[]

/**
 * The evidence on A4 pages, one table per section, with text a machine can
 * extract (standard fonts): the assessor may search it, and so do the tests.
 */
class SecurityEvidencePdf {
  private doc: PDFKit.PDFDocument
  private text: ReturnType<typeof evidenceText>

  constructor(
    private evidence: SecurityEvidenceData,
    i18n: I18n
  ) {
    this.text = evidenceText(i18n)
    this.doc = createPdfDocument({
      language: i18n.locale === 'en' ? 'en-GB' : 'fr-FR',
      title: this.text.t('report_title', { shop: evidence.shop ?? '-' }),
      author: evidence.shop,
      createdAt: evidence.generatedAt.toJSDate(),
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    })
  }

  render(): Promise<Buffer> {
    const done = pdfBytes(this.doc)
    const { t, time } = this.text
    const { evidence } = this
    this.doc.font(FONTS.bold).fontSize(14).fillColor(TEXT)
    this.write(t('report_title', { shop: evidence.shop ?? '-' }))
    this.doc.font(FONTS.regular).fontSize(9).fillColor(MUTED)
    this.write(t('generated_at', { date: time(evidence.generatedAt) }))
    this.write(
      evidence.feed?.verifiedAt
        ? t('feed_verified_at', { date: time(evidence.feed.verifiedAt) })
        : t('feed_never')
    )
    this.components()
    this.advisories()
    this.journal()
    this.integrity()
    drawPageFurniture(this.doc, {
      margin: MARGIN,
      footerHeight: FOOTER_HEIGHT,
      footer: [t('report_title', { shop: evidence.shop ?? '-' })],
      pageLabel: (page, total) => t('page', { page, total }),
    })
    this.doc.end()
    return done
  }

  private components() {
    const { t, component, componentState, time } = this.text
    this.table(
      t('sections.components_title'),
      this.columns(['component', 'version', 'status', 'date', 'baseline'], [3, 1.2, 1.2, 2, 2]),
      this.evidence.components.map((entry) => [
        component(entry.name),
        entry.version,
        componentState(entry.state),
        time(entry.installedAt),
        entry.baselineAt ? time(entry.baselineAt) : t('no_baseline'),
      ]),
      t('none')
    )
  }

  private advisories() {
    const { t, component, advisoryState, severity, advisoryDetails } = this.text
    this.table(
      t('sections.advisories_title'),
      this.columns(
        ['reference', 'component', 'severity', 'status', 'date', 'due_date', 'details'],
        [2.2, 1.8, 1.5, 1.3, 1.2, 1.2, 3.5]
      ),
      this.evidence.advisories.map((entry) => [
        entry.advisory.id,
        `${component(entry.component)} ${entry.installedVersion}`,
        severity(entry),
        advisoryState(entry.state),
        entry.advisory.published,
        entry.dueDate ?? t('no_due'),
        advisoryDetails(entry),
      ]),
      t('none')
    )
  }

  private journal() {
    const { t, component, kind, outcome, time } = this.text
    this.table(
      t('sections.journal_title'),
      this.columns(
        ['date', 'section', 'component', 'reference', 'status', 'by', 'checksum'],
        [1.4, 1, 1.4, 3.4, 1, 1.3, 2.8]
      ),
      this.evidence.journal.map((entry) => [
        time(entry.createdAt),
        kind(entry.kind),
        component(entry.owner),
        entry.error ? `${entry.item} (${entry.error})` : entry.item,
        outcome(entry.outcome),
        entry.actor,
        entry.checksum ?? '',
      ]),
      t('none')
    )
  }

  private integrity() {
    const { t, component, change, integrityStatus, time } = this.text
    const check = this.evidence.integrity
    this.heading(t('sections.integrity_title'))
    this.doc.font(FONTS.regular).fontSize(9).fillColor(TEXT)
    if (!check) {
      this.write(t('integrity_never'))
      return
    }
    this.write(
      t('integrity_summary', {
        date: time(check.checkedAt),
        status: integrityStatus(check.status),
        count: check.filesChecked,
        by: check.checkedBy,
      })
    )
    const rows = [
      ...check.changes.map((entry) => [
        component(entry.component),
        entry.path,
        change(entry.change),
      ]),
      ...check.unbaselined.map((name) => [component(name), '', t('no_baseline')]),
    ]
    if (rows.length) {
      this.table(null, this.columns(['component', 'reference', 'status'], [2, 5, 1.5]), rows, '')
    }
  }

  private columns(keys: string[], shares: number[]): Table {
    return keys.map((key, index) => ({
      header: this.text.t(`columns.${key}`),
      share: shares[index],
    }))
  }

  private write(line: string) {
    this.doc.text(toWinAnsi(line), MARGIN, undefined, { width: this.width })
  }

  private get width() {
    return this.doc.page.width - 2 * MARGIN
  }

  private heading(title: string) {
    this.doc.moveDown(1)
    if (this.doc.y + 60 > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage()
    this.doc.font(FONTS.bold).fontSize(11).fillColor(TEXT)
    this.write(title)
    this.doc.moveDown(0.3)
  }

  /** A titled table; a row that does not fit starts a new page under the header again. */
  private table(title: string | null, table: Table, rows: string[][], empty: string) {
    if (title) this.heading(title)
    if (!rows.length) {
      this.doc.font(FONTS.regular).fontSize(9).fillColor(TEXT)
      this.write(empty)
      return
    }
    const total = table.reduce((sum, column) => sum + column.share, 0)
    const widths = table.map((column) => (column.share / total) * this.width)
    const headers = table.map((column) => column.header)
    this.row(headers, widths, true)
    for (const row of rows) {
      const bottom = this.doc.page.height - this.doc.page.margins.bottom
      this.doc.font(FONTS.regular).fontSize(SIZE)
      if (this.doc.y + pdfRowHeight(this.doc, cellsOf(row, widths), PADDING) > bottom) {
        this.doc.addPage()
        this.row(headers, widths, true)
      }
      this.row(row, widths, false)
    }
  }

  private row(texts: string[], widths: number[], header: boolean) {
    this.doc
      .font(header ? FONTS.bold : FONTS.regular)
      .fontSize(SIZE)
      .fillColor(TEXT)
    drawPdfRow(this.doc, cellsOf(texts, widths), {
      x: MARGIN,
      padding: PADDING,
      rule: { color: RULE, weight: header ? 0.8 : 0.3 },
    })
  }
}

function cellsOf(texts: string[], widths: number[]) {
  return texts.map((text, index) => ({ text, width: widths[index] }))
}

export function securityEvidencePdf(evidence: SecurityEvidenceData, i18n: I18n) {
  return new SecurityEvidencePdf(evidence, i18n).render()
}
