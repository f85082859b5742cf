import type { LegalDocumentKind } from '#domain/legal_documents'
import { LOCALES, localizedPath, type Locale } from '#support/locale_paths'

export interface LegalPage {
  kind: LegalDocumentKind
  /** The page's slug in each language, as products and categories have. */
  slugs: Record<Locale, string>
}

/**
 * The legal pages, in the storefront footer's order (only published ones are
 * linked). Their text is written by the merchant in the back office. A slug
 * never changes: versions and their PDFs are quoted by URL in order e-mails.
 */
export const LEGAL_PAGES: readonly LegalPage[] = [
  { kind: 'legal_notice', slugs: { fr: 'mentions-legales', en: 'legal-notice' } },
  { kind: 'terms', slugs: { fr: 'cgv', en: 'terms' } },
  { kind: 'withdrawal_policy', slugs: { fr: 'retractation', en: 'withdrawal' } },
  { kind: 'privacy', slugs: { fr: 'confidentialite', en: 'privacy' } },
  { kind: 'accessibility', slugs: { fr: 'accessibilite', en: 'accessibility' } },
]

/**
 * The model withdrawal form's PDF (W-21), under /pages in each language.
 */
export const WITHDRAWAL_FORM_FILES: Record<Locale, string> = {
  fr: 'formulaire-de-retractation.pdf',
  en: 'withdrawal-form.pdf',
}

/** Every slug of every language: the storefront serves each under both prefixes. */
export const LEGAL_PAGE_SLUGS = LEGAL_PAGES.flatMap((page) => LOCALES.map((l) => page.slugs[l]))

export function legalPageBySlug(slug: string): LegalPage | undefined {
  return LEGAL_PAGES.find((page) => LOCALES.some((locale) => page.slugs[locale] === slug))
}

export function legalPageOf(kind: LegalDocumentKind): LegalPage {
  return LEGAL_PAGES.find((page) => page.kind === kind)!
}

/**
 * A legal page's path in a language, with what follows it ("/versions/2.pdf"):
 * "/en/pages/legal-notice".
 */
export function legalPagePath(kind: LegalDocumentKind, locale: Locale, rest = ''): string {
  return localizedPath(`/pages/${legalPageOf(kind).slugs[locale]}${rest}`, locale)
}

export function withdrawalFormPath(locale: Locale): string {
  return localizedPath(`/pages/${WITHDRAWAL_FORM_FILES[locale]}`, locale)
}
