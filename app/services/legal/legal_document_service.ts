import { DateTime } from 'luxon'
import LegalDocumentVersion from '#models/legal_document_version'
import LegalDocumentException from '#exceptions/legal_document_exception'
import type { LegalDocumentKind } from '#domain/legal_documents'
import type { Locale } from '#support/locale_paths'
import { sqlTimestamp } from '#support/sql_timestamp'
import { readStoredPdf } from '#support/stored_pdfs'

/**
 * Reads published legal documents: the version in force, any version by its
 * number, and their PDFs. Checkout, order confirmations and the storefront
 * call this; publishing is LegalDraftService's.
 */
export default class LegalDocumentService {
  /**
   * The version in force at `at` (now by default): the latest whose effective
   * date has come, or null when none has. One query on the (kind, effective_at)
   * index.
   */
  async current(kind: LegalDocumentKind, at: Date = new Date()) {
    return LegalDocumentVersion.query()
      .where('kind', kind)
      .where('effective_at', '<=', sqlTimestamp(DateTime.fromJSDate(at)))
      .orderBy('effective_at', 'desc')
      .orderBy('version', 'desc')
      .first()
  }

  /**
   * The kinds with a version in force at `at` (now by default): the
   * storefront footer links only these. Versions are never removed, so a
   * kind once published stays so.
   */
  async publishedKinds(at: Date = new Date()): Promise<LegalDocumentKind[]> {
    const rows = await LegalDocumentVersion.query()
      .distinct('kind')
      .where('effective_at', '<=', sqlTimestamp(DateTime.fromJSDate(at)))
    return rows.map((row) => row.kind)
  }

  async find(kind: LegalDocumentKind, version: number) {
    return LegalDocumentVersion.query().where('kind', kind).where('version', version).first()
  }

  /**
   * The highest-numbered version, in force or scheduled.
   */
  async latest(kind: LegalDocumentKind) {
    return LegalDocumentVersion.query().where('kind', kind).orderBy('version', 'desc').first()
  }

  /**
   * Every version of a kind, newest first, without their bodies.
   */
  async history(kind: LegalDocumentKind) {
    return LegalDocumentVersion.query()
      .select('id', 'kind', 'version', 'checksum', 'effective_at', 'published_by', 'created_at')
      .select('pdf_fr_key', 'pdf_en_key')
      .where('kind', kind)
      .orderBy('version', 'desc')
  }

  /**
   * The PDF of a version in one language, exactly as generated when it was
   * published: its key names its SHA-256, checked on every read.
   */
  async pdf(version: LegalDocumentVersion, locale: Locale): Promise<Buffer> {
    const key = locale === 'en' ? version.pdfEnKey : version.pdfFrKey
    const bytes = await readStoredPdf(key)
    if (!bytes) throw LegalDocumentException.pdfAltered(key)
    return bytes
  }
}
