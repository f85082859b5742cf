import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { timeZone } from '#config/app'
import { LEGAL_DOCUMENT_KINDS, formatChecksum, isLegalDocumentKind } from '#domain/legal_documents'
import LegalDocumentService from '#services/legal/legal_document_service'
import LegalDraftService from '#services/legal/legal_draft_service'
import SettingsService from '#services/settings_service'
import { LEGAL_PAGES } from '#support/legal_pages'
import { renderMarkdown } from '#support/markdown'
import { adminActor } from '#support/admin_actor'
import { legalMessages } from '#validators/legal_messages'
import { legalDraftValidator, legalPublicationValidator } from '#validators/legal_document'

function kindOf(params: Record<string, unknown>) {
  if (!isLegalDocumentKind(params.kind)) throw new lucidErrors.E_ROW_NOT_FOUND()
  return params.kind
}

@inject()
export default class LegalDocumentsController {
  constructor(
    protected documents: LegalDocumentService,
    protected drafts: LegalDraftService,
    protected settings: SettingsService
  ) {}

  async index({ view }: HttpContext) {
    const kinds = await Promise.all(
      LEGAL_DOCUMENT_KINDS.map(async (kind) => ({
        kind,
        current: await this.documents.current(kind),
        latest: await this.documents.latest(kind),
      }))
    )
    return view.render('pages/admin/legal/index', { kinds })
  }

  /**
   * The draft with its preview, the publication form and every version.
   */
  async edit({ params, view }: HttpContext) {
    const kind = kindOf(params)
    const draft = await this.drafts.draft(kind)
    const versions = await this.documents.history(kind)
    return view.render('pages/admin/legal/edit', {
      kind,
      draft,
      preview: { fr: renderMarkdown(draft.bodyFr), en: renderMarkdown(draft.bodyEn) },
      current: await this.documents.current(kind),
      latest: versions[0] ?? null,
      versions: versions.map((version) => ({
        version: version.version,
        effectiveAt: version.effectiveAt,
        createdAt: version.createdAt,
        checksum: formatChecksum(version.checksum),
      })),
      pageSlug: LEGAL_PAGES.find((page) => page.key === kind)?.slug ?? null,
      identityMissing: !(await this.settings.sellerIdentity()),
    })
  }

  async saveDraft(ctx: HttpContext) {
    const kind = kindOf(ctx.params)
    const { bodyFr, bodyEn } = await ctx.request.validateUsing(legalDraftValidator, {
      messagesProvider: legalMessages(ctx.i18n),
    })
    await this.drafts.saveDraft(
      kind,
      { bodyFr: bodyFr ?? '', bodyEn: bodyEn ?? '' },
      adminActor(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('legal.documents.draft_saved'))
    return ctx.response.redirect().toRoute('admin.legal.edit', { kind })
  }

  async publish(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const kind = kindOf(ctx.params)
    const [error, input] = await legalPublicationValidator.tryValidate(request.all(), {
      messagesProvider: legalMessages(i18n),
    })
    if (error) {
      session.flashValidationErrors(error)
      return response.redirect().toRoute('admin.legal.edit', { kind })
    }
    const result = await this.drafts.publish(
      kind,
      { effectiveAt: input.effectiveAt ?? null, draftChecksum: input.draftChecksum },
      adminActor(ctx)
    )
    if (result.status === 'rejected') {
      session.flashOnly(['effectiveAt'])
      session.flash('error', i18n.t(`legal.documents.rejected.${result.reason}`))
      return response.redirect().toRoute('admin.legal.edit', { kind })
    }
    const { version, effectiveAt } = result.version
    session.flash(
      'success',
      i18n.t('legal.documents.published', {
        version,
        date: i18n.formatDate(effectiveAt, { dateStyle: 'long', timeStyle: 'short', timeZone }),
      })
    )
    return response.redirect().toRoute('admin.legal.edit', { kind })
  }
}
