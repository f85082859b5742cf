import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import { timeZone } from '#config/app'
import LegalDocumentDraft from '#models/legal_document_draft'
import LegalDocumentVersion from '#models/legal_document_version'
import AuditLogService, { type AuditActor } from '#services/audit_log_service'
import SettingsService from '#services/settings_service'
import LegalDocumentService from '#services/legal/legal_document_service'
import { renderLegalPdf } from '#services/legal/legal_document_pdf'
import {
  draftChecksum,
  normalizeBody,
  resolveEffectiveAt,
  versionChecksum,
  type EffectiveDateProblem,
  type LegalDocumentKind,
  type VersionContent,
} from '#domain/legal_documents'
import type { SellerIdentity } from '#domain/seller_identity'
import { LOCALES, type Locale } from '#support/locale_paths'
import { sellerIdentityLines } from '#support/seller_identity_lines'
import { storePdf } from '#support/stored_pdfs'
import PagePurge from '#services/page_cache/page_purge'

/**
 * Who edits or publishes: a member of staff, or the system (demo seed).
 */
export interface LegalActor {
  admin: AuditActor
  ip: string | null
}

export interface LegalDraft {
  bodyFr: string
  bodyEn: string
  /** Sent back on publish, so what is published is what was previewed. */
  checksum: string
  /** False while the text only comes from the latest version (or is empty). */
  saved: boolean
}

export type PublishResult =
  | { status: 'published'; version: LegalDocumentVersion }
  | { status: 'rejected'; reason: 'empty_draft' | 'draft_changed' | EffectiveDateProblem }

/**
 * The merchant's side of legal documents: one draft per kind, edited freely,
 * and its publication as the next immutable version with its two PDFs.
 */
@inject()
export default class LegalDraftService {
  constructor(
    protected documents: LegalDocumentService,
    protected settings: SettingsService,
    protected auditLog: AuditLogService,
    protected pagePurge: PagePurge
  ) {}

  /**
   * The saved draft, or the latest version's text to start the next one from.
   */
  async draft(kind: LegalDocumentKind): Promise<LegalDraft> {
    const saved = await LegalDocumentDraft.find(kind)
    const source = saved ?? (await this.documents.latest(kind))
    const bodyFr = source?.bodyFr ?? ''
    const bodyEn = source?.bodyEn ?? ''
    return { bodyFr, bodyEn, checksum: draftChecksum(bodyFr, bodyEn), saved: !!saved }
  }

  async saveDraft(
    kind: LegalDocumentKind,
    bodies: { bodyFr: string; bodyEn: string },
    actor: LegalActor
  ): Promise<LegalDraft> {
    const bodyFr = normalizeBody(bodies.bodyFr)
    const bodyEn = normalizeBody(bodies.bodyEn)
    const checksum = draftChecksum(bodyFr, bodyEn)
    await db.transaction(async (trx) => {
      await LegalDocumentDraft.updateOrCreate(
        { kind },
        { bodyFr, bodyEn, updatedBy: actor.admin?.id ?? null },
        { client: trx }
      )
      await this.auditLog.record(
        {
          actor: actor.admin,
          action: 'legal_document.draft_save',
          entityType: 'legal_document',
          entityId: kind,
          changes: { kind, draftChecksum: checksum },
          ip: actor.ip,
        },
        trx
      )
    })
    return { bodyFr, bodyEn, checksum, saved: true }
  }

  /**
   * Publishes the saved draft as the next version, in force from
   * `effectiveAt` (now when null; never in the past). With `draftChecksum`,
   * refuses a draft that changed since the merchant previewed it. The PDFs
   * are written before the row: a failed insert leaves an unused file, never
   * a version without its PDFs.
   */
  async publish(
    kind: LegalDocumentKind,
    options: { effectiveAt?: Date | null; draftChecksum?: string | null; now?: Date },
    actor: LegalActor
  ): Promise<PublishResult> {
    const draft = await LegalDocumentDraft.find(kind)
    const bodyFr = normalizeBody(draft?.bodyFr ?? '')
    const bodyEn = normalizeBody(draft?.bodyEn ?? '')
    if (!bodyFr || !bodyEn) return { status: 'rejected', reason: 'empty_draft' }
    if (options.draftChecksum && options.draftChecksum !== draftChecksum(bodyFr, bodyEn)) {
      return { status: 'rejected', reason: 'draft_changed' }
    }

    const now = options.now ?? new Date()
    const latest = await this.documents.latest(kind)
    const effective = resolveEffectiveAt(
      options.effectiveAt ?? null,
      now,
      latest?.effectiveAt.toJSDate() ?? null
    )
    if ('problem' in effective) return { status: 'rejected', reason: effective.problem }

    const content: VersionContent = {
      kind,
      version: (latest?.version ?? 0) + 1,
      bodyFr,
      bodyEn,
      effectiveAt: effective.at,
    }
    const checksum = versionChecksum(content)
    const identity = await this.settings.sellerIdentity()
    const createdAt = DateTime.fromMillis(Math.floor(now.getTime() / 1000) * 1000)
    const [pdfFrKey, pdfEnKey] = await Promise.all(
      LOCALES.map((locale) => this.storePdf(content, checksum, locale, identity, createdAt))
    )

    const version = await db.transaction(async (trx) => {
      await this.pagePurge.everything(trx)
      const row = await LegalDocumentVersion.create(
        {
          kind,
          version: content.version,
          bodyFr,
          bodyEn,
          effectiveAt: DateTime.fromJSDate(content.effectiveAt),
          checksum,
          pdfFrKey,
          pdfEnKey,
          publishedBy: actor.admin?.id ?? null,
          createdAt,
        },
        { client: trx }
      )
      await this.auditLog.record(
        {
          actor: actor.admin,
          action: 'legal_document.publish',
          entityType: 'legal_document',
          entityId: kind,
          changes: {
            kind,
            version: content.version,
            checksum,
            effectiveAt: content.effectiveAt.toISOString(),
          },
          ip: actor.ip,
        },
        trx
      )
      return row
    })
    return { status: 'published', version }
  }

  /**
   * Renders one language's PDF and stores it under a key naming its SHA-256.
   */
  private async storePdf(
    content: VersionContent,
    checksum: string,
    locale: Locale,
    identity: SellerIdentity | null,
    createdAt: DateTime
  ): Promise<string> {
    const i18n = i18nManager.locale(locale)
    const effectiveAt = i18n.formatDate(content.effectiveAt, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone,
    })
    const bytes = await renderLegalPdf({
      language: locale === 'fr' ? 'fr-FR' : 'en-GB',
      title: i18n.t(`legal.kinds.${content.kind}`),
      meta: [
        i18n.t('legal.pdf.version', { version: content.version }),
        i18n.t('legal.pdf.effective_at', { date: effectiveAt }),
        i18n.t('legal.pdf.checksum', { checksum }),
      ],
      body: locale === 'fr' ? content.bodyFr : content.bodyEn,
      footer: identity ? sellerIdentityLines(identity, i18n) : [],
      pageLabel: (page, total) => i18n.t('legal.pdf.page', { page, total }),
      createdAt: createdAt.toJSDate(),
      author: identity?.companyName ?? null,
    })
    const { key } = await storePdf(`legal/${content.kind}/${content.version}-${locale}`, bytes)
    return key
  }
}
