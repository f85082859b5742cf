import { readFile } from 'node:fs/promises'
import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import type { I18n } from '@adonisjs/i18n'
import { appUrl } from '#config/app'
import type { LegalDocumentKind } from '#domain/legal_documents'
import {
  MARK_FIELDS,
  fillTemplate,
  type FilledTemplate,
  type TemplateMark,
  type TemplateValues,
} from '#domain/legal_templates'
import { Money } from '#domain/money'
import { formatSiren, formatSiret, type SellerIdentity } from '#domain/seller_identity'
import SettingsService from '#services/settings_service'
import LegalDraftService, { type LegalActor } from '#services/legal/legal_draft_service'
import { legalPagePath, withdrawalFormPath } from '#support/legal_pages'
import { LOCALES, type Locale } from '#support/locale_paths'
import { sellerAddressLine } from '#support/seller_identity_lines'

/** What the templates are filled from: Settings. */
export interface TemplateSettings {
  shopName: string
  identity: SellerIdentity | null
}

const shopUrl = () => appUrl.replace(/\/$/, '')

/**
 * The marks' values in one language. Without a legal identity, its marks
 * stay absent (placeholders); the share capital of an individual
 * entrepreneur does not apply (its line goes).
 */
export function templateValues(settings: TemplateSettings, i18n: I18n): TemplateValues {
  const locale = i18n.locale as Locale
  const url = (kind: LegalDocumentKind) => shopUrl() + legalPagePath(kind, locale)
  const values: TemplateValues = {
    shop_name: settings.shopName,
    shop_url: shopUrl(),
    terms_url: url('terms'),
    legal_notice_url: url('legal_notice'),
    privacy_url: url('privacy'),
    withdrawal_policy_url: url('withdrawal_policy'),
    accessibility_url: url('accessibility'),
    withdrawal_form_url: shopUrl() + withdrawalFormPath(locale),
    // The withdrawal page is where the online function is offered (WF-07).
    withdrawal_function_url: url('withdrawal_policy'),
  }
  const identity = settings.identity
  if (!identity) return values

  const siren = formatSiren(identity.siren)
  const capital = identity.shareCapital
  return {
    ...values,
    company_name: identity.companyName,
    legal_form: i18n.t(`legal.legal_form_mentions.${identity.legalForm}`),
    share_capital: capital ? Money.of(capital.amount, capital.currency).format(locale) : null,
    address: sellerAddressLine(identity, i18n),
    registration: identity.rcsCity
      ? i18n.t('legal.seller.rcs', { city: identity.rcsCity, siren })
      : i18n.t('legal.seller.siren', { siren }),
    siret: formatSiret(identity.siret),
    vat: identity.vatNumber
      ? i18n.t('legal.seller.vat', { number: identity.vatNumber })
      : i18n.t('legal.seller.no_vat'),
    email: identity.email,
    phone: identity.phone,
    publication_director: identity.publicationDirector,
    host_name: identity.host.name,
    host_address: identity.host.address,
    host_phone: identity.host.phone,
    mediator_name: identity.mediator.name,
    mediator_website: identity.mediator.website,
  }
}

/**
 * The template of a kind in one language, filled in. A missing value shows
 * as "[À COMPLÉTER : SIREN]", in bold, where it belongs.
 */
export async function renderLegalTemplate(
  kind: LegalDocumentKind,
  locale: Locale,
  settings: TemplateSettings
): Promise<FilledTemplate> {
  const template = await readFile(app.makePath('resources/legal_templates', locale, `${kind}.md`))
  const i18n = i18nManager.locale(locale)
  return fillTemplate(
    template.toString('utf8'),
    templateValues(settings, i18n),
    (mark) =>
      `**${i18n.t('legal.templates.placeholder', { field: i18n.t(`legal.validator.fields.${MARK_FIELDS[mark]}`) })}**`
  )
}

/**
 * The back office's "Start from the template": the draft of a kind filled
 * with its template in both languages, from the current Settings.
 */
@inject()
export default class LegalTemplates {
  constructor(
    protected settings: SettingsService,
    protected drafts: LegalDraftService
  ) {}

  async settingsForTemplates(): Promise<TemplateSettings> {
    const all = await this.settings.all()
    return { shopName: all['shop.name'], identity: all['seller.identity'] }
  }

  /**
   * Replaces the draft with the filled template. Returns the Settings fields
   * still to fill in (form field names, "siren"), each once.
   */
  async startDraft(kind: LegalDocumentKind, actor: LegalActor): Promise<{ missing: string[] }> {
    const settings = await this.settingsForTemplates()
    const [fr, en] = await Promise.all(
      LOCALES.map((locale) => renderLegalTemplate(kind, locale, settings))
    )
    await this.drafts.saveDraft(kind, { bodyFr: fr.body, bodyEn: en.body }, actor)
    const marks = new Set<TemplateMark>([...fr.missing, ...en.missing])
    return { missing: [...new Set([...marks].map((mark) => MARK_FIELDS[mark]!))] }
  }
}
