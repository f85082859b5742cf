import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { timeZone } from '#config/app'
import { LEGAL_DOCUMENT_KINDS, formatChecksum, isLegalDocumentKind } from '#domain/legal_documents'
import { mentionsOdrPlatform } from '#domain/legal_templates'
import LegalDocumentService from '#services/legal/legal_document_service'
import LegalDraftService from '#services/legal/legal_draft_service'
import LegalTemplates from '#services/legal/legal_templates'
import SettingsService from '#services/settings_service'
import { legalPagePath } from '#support/legal_pages'
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
    protected settings: SettingsService,
    protected templates: LegalTemplates
  ) {}

  async index({ view }: HttpContext) {
    const kinds = await Promise.all(
      LEGAL_DOCUMENT_KINDS.map(async (kind) => ({
        kind,
        current: await this.documents.current(kind),
        latest: await this.documents.latest(kind),
      }))
    )
    // Only the CGV gate orders (OrderingReadiness): say so while none is in force.
    const ordersBlocked = !kinds.find((item) => item.kind === 'terms')?.current
    return view.render('pages/admin/legal/index', { kinds, ordersBlocked })
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
      pagePaths: { fr: legalPagePath(kind, 'fr'), en: legalPagePath(kind, 'en') },
      identityMissing: !(await this.settings.sellerIdentity()),
      // M-03: the EU ODR platform closed; a text copied from elsewhere may still name it.
      mentionsOdr: mentionsOdrPlatform(draft.bodyFr) || mentionsOdrPlatform(draft.bodyEn),
    })
  }

  /**
   * Replaces the draft with the kind's template filled from Settings, and
   * says which Settings were missing.
   */
  async startFromTemplate(ctx: HttpContext) {
    const { session, i18n, response } = ctx
    const kind = kindOf(ctx.params)
    const { missing } = await this.templates.startDraft(kind, adminActor(ctx))
    session.flash('success', i18n.t('legal.templates.started'))
    if (missing.length) {
      const fields = missing.map((field) => i18n.t(`legal.validator.fields.${field}`)).join(', ')
      session.flash('templateMissing', i18n.t('legal.templates.missing', { fields }))
    }
    return response.redirect().toRoute('admin.legal.edit', { kind })
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
