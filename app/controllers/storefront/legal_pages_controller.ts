import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { formatChecksum, isLegalDocumentKind } from '#domain/legal_documents'
import type LegalDocumentVersion from '#models/legal_document_version'
import LegalDocumentService from '#services/legal/legal_document_service'
import { LEGAL_PAGES } from '#support/legal_pages'
import type { Locale } from '#support/locale_paths'
import { renderMarkdown } from '#support/markdown'

/**
 * The route only matches known slugs, so the page always exists here.
 */
function pageOf(slug: string) {
  return LEGAL_PAGES.find((candidate) => candidate.slug === slug)!
}

@inject()
export default class LegalPagesController {
  constructor(protected documents: LegalDocumentService) {}

  /**
   * A legal page (mentions légales, CGV, …): the version in force of its
   * document, or a "not published yet" notice.
   */
  async show({ params, view, i18n }: HttpContext) {
    const page = pageOf(params.slug)
    const kind = isLegalDocumentKind(page.key) ? page.key : null
    const current = kind ? await this.documents.current(kind) : null
    if (!current) return view.render('pages/storefront/legal_page', { page, document: null })
    return view.render('pages/storefront/legal_page', {
      page,
      ...(await this.documentView(current, current, i18n.locale as Locale)),
    })
  }

  /**
   * One version, at a URL that never changes, whether in force or not.
   */
  async version({ params, view, i18n }: HttpContext) {
    const page = pageOf(params.slug)
    const version = await this.findVersion(page.key, params.version)
    const current = await this.documents.current(version.kind)
    return view.render('pages/storefront/legal_page', {
      page,
      ...(await this.documentView(version, current, i18n.locale as Locale)),
    })
  }

  /**
   * The version's PDF in the page's language, byte for byte as published:
   * it may be cached forever.
   */
  async pdf({ params, response, i18n }: HttpContext) {
    const page = pageOf(params.slug)
    const version = await this.findVersion(page.key, params.version)
    const locale = i18n.locale as Locale
    const bytes = await this.documents.pdf(version, locale)
    response.header('content-type', 'application/pdf')
    response.header(
      'content-disposition',
      `inline; filename="${page.slug}-v${version.version}-${locale}.pdf"`
    )
    response.header('cache-control', 'public, max-age=31536000, immutable')
    return response.send(bytes)
  }

  private async findVersion(key: string, number: number) {
    const version = isLegalDocumentKind(key) ? await this.documents.find(key, number) : null
    if (!version) throw new lucidErrors.E_ROW_NOT_FOUND()
    return version
  }

  private async documentView(
    shown: LegalDocumentVersion,
    current: LegalDocumentVersion | null,
    locale: Locale
  ) {
    const history = await this.documents.history(shown.kind)
    return {
      document: {
        version: shown.version,
        effectiveAt: shown.effectiveAt,
        checksum: formatChecksum(shown.checksum),
        html: renderMarkdown(locale === 'en' ? shown.bodyEn : shown.bodyFr),
        isCurrent: shown.id === current?.id,
      },
      versions: history.map((version) => ({
        version: version.version,
        effectiveAt: version.effectiveAt,
        isCurrent: version.id === current?.id,
        // Versions are numbered in the order they take effect.
        isUpcoming: !current || version.version > current.version,
      })),
    }
  }
}
