import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { formatChecksum } from '#domain/legal_documents'
import type LegalDocumentVersion from '#models/legal_document_version'
import LegalDocumentService from '#services/legal/legal_document_service'
import SettingsService from '#services/settings_service'
import { renderWithdrawalForm } from '#services/legal/withdrawal_form_pdf'
import {
  WITHDRAWAL_FORM_FILES,
  legalPageBySlug,
  legalPagePath,
  withdrawalFormPath,
  type LegalPage,
} from '#support/legal_pages'
import { LOCALES, type Locale } from '#support/locale_paths'
import { renderMarkdown } from '#support/markdown'

@inject()
export default class LegalPagesController {
  constructor(
    protected documents: LegalDocumentService,
    protected settings: SettingsService
  ) {}

  /**
   * A legal page (mentions légales, CGV, …): the version in force of its
   * document, or a "not published yet" notice.
   */
  async show(ctx: HttpContext) {
    const page = this.pageOf(ctx, '')
    if (!page) return
    // Publishing a version purges every page (the footer lists what is published).
    ctx.pageRender.keep([])
    const current = await this.documents.current(page.kind)
    if (!current) return ctx.view.render('pages/storefront/legal_page', { page, document: null })
    return ctx.view.render('pages/storefront/legal_page', {
      page,
      ...(await this.documentView(current, current, ctx.i18n.locale as Locale)),
    })
  }

  /**
   * One version, at a URL that never changes, whether in force or not.
   */
  async version(ctx: HttpContext) {
    const page = this.pageOf(ctx, `/versions/${ctx.params.version}`)
    if (!page) return
    ctx.pageRender.keep([])
    const version = await this.findVersion(page, ctx.params.version)
    const current = await this.documents.current(version.kind)
    return ctx.view.render('pages/storefront/legal_page', {
      page,
      ...(await this.documentView(version, current, ctx.i18n.locale as Locale)),
    })
  }

  /**
   * The version's PDF in the page's language, byte for byte as published:
   * it may be cached forever.
   */
  async pdf(ctx: HttpContext) {
    const { params, response, i18n } = ctx
    const page = this.pageOf(ctx, `/versions/${params.version}.pdf`)
    if (!page) return
    const version = await this.findVersion(page, params.version)
    const locale = i18n.locale as Locale
    const bytes = await this.documents.pdf(version, locale)
    response.header('content-type', 'application/pdf')
    response.header(
      'content-disposition',
      `inline; filename="${page.slugs[locale]}-v${version.version}-${locale}.pdf"`
    )
    response.header('cache-control', 'public, max-age=31536000, immutable')
    return response.send(bytes)
  }

  /**
   * The model withdrawal form (W-21), addressed to the seller as Settings
   * name it today.
   */
  async withdrawalForm({ params, response, i18n }: HttpContext) {
    const locale = i18n.locale as Locale
    if (params.file !== WITHDRAWAL_FORM_FILES[locale]) {
      return response.redirect().status(301).toPath(withdrawalFormPath(locale))
    }
    const all = await this.settings.all()
    const bytes = await renderWithdrawalForm({
      locale,
      identity: all['seller.identity'],
      shopName: all['shop.name'],
      createdAt: new Date(),
    })
    response.header('content-type', 'application/pdf')
    response.header('content-disposition', `inline; filename="${WITHDRAWAL_FORM_FILES[locale]}"`)
    response.header('cache-control', 'no-cache')
    return response.send(bytes)
  }

  /**
   * The page a slug names. Each language has its own slug; the other
   * language's slug (an older link) is sent on to this one, and the page is
   * shared with the language switch in both.
   */
  private pageOf({ params, response, i18n, view }: HttpContext, rest: string): LegalPage | null {
    const page = legalPageBySlug(params.slug)!
    const locale = i18n.locale as Locale
    if (params.slug !== page.slugs[locale]) {
      response
        .redirect()
        .status(301)
        .toPath(legalPagePath(page.kind, locale, rest))
      return null
    }
    view.share({
      alternates: LOCALES.map((code) => ({
        locale: code,
        url: legalPagePath(page.kind, code, rest),
      })),
      withdrawalFormUrl: page.kind === 'withdrawal_policy' ? withdrawalFormPath(locale) : null,
    })
    return page
  }

  private async findVersion(page: LegalPage, number: number) {
    const version = await this.documents.find(page.kind, number)
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
