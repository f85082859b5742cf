/**
 * Starting texts of the legal documents: Markdown with `{{ mark }}`s that
 * the shop's settings fill in (resources/legal_templates/<locale>/<kind>.md,
 * read and valued by LegalTemplates). Filling is pure and lives here.
 */

/**
 * The marks a template may use. A mark outside this list is a typo in a
 * template, refused rather than printed.
 */
export const TEMPLATE_MARKS = [
  'shop_name',
  'shop_url',
  'company_name',
  'legal_form',
  'share_capital',
  'address',
  'registration',
  'siret',
  'vat',
  'email',
  'phone',
  'publication_director',
  'host_name',
  'host_address',
  'host_phone',
  'mediator_name',
  'mediator_website',
  'terms_url',
  'legal_notice_url',
  'privacy_url',
  'withdrawal_policy_url',
  'accessibility_url',
  'withdrawal_form_url',
  'withdrawal_function_url',
] as const
export type TemplateMark = (typeof TEMPLATE_MARKS)[number]

/**
 * The Settings › Legal identity field each mark comes from, to tell the
 * merchant what to fill in. Marks not listed always have a value.
 */
export const MARK_FIELDS: Partial<Record<TemplateMark, string>> = {
  company_name: 'companyName',
  legal_form: 'legalForm',
  share_capital: 'shareCapital',
  address: 'addressLine1',
  registration: 'siren',
  siret: 'siret',
  vat: 'vatNumber',
  email: 'email',
  phone: 'phone',
  publication_director: 'publicationDirector',
  host_name: 'hostName',
  host_address: 'hostAddress',
  host_phone: 'hostPhone',
  mediator_name: 'mediatorName',
  mediator_website: 'mediatorWebsite',
}

/**
 * Marks printed as they are: addresses that Markdown turns into links, which
 * a backslash escape would break.
 */
const VERBATIM = new Set<TemplateMark>(['email', 'mediator_website', 'shop_url'])

/**
 * What a mark is filled with: its text; null when it does not apply to this
 * seller (an individual entrepreneur has no share capital), which drops the
 * whole line holding it; absent when the setting is not filled in yet, which
 * leaves a visible placeholder.
 */
export type TemplateValues = Partial<Record<TemplateMark, string | null>>

export interface FilledTemplate {
  body: string
  /** The marks left as placeholders, each once, in the order met. */
  missing: TemplateMark[]
}

const MARK = /\{\{\s*([a-z_]+)\s*\}\}/g

function isTemplateMark(value: string): value is TemplateMark {
  return TEMPLATE_MARKS.includes(value as TemplateMark)
}

/**
 * Merchant-typed text inside Markdown: the characters that would start
 * emphasis, code, a link or HTML are escaped, so "Sabots_&_Co" prints as typed.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&')
}

function isLink(mark: TemplateMark, value: string): boolean {
  return VERBATIM.has(mark) || (mark.endsWith('_url') && /^https?:\/\//.test(value))
}

/**
 * Fills a template's marks, line by line. `placeholder` writes the text shown
 * for a missing value (translated by the caller).
 */
export function fillTemplate(
  template: string,
  values: TemplateValues,
  placeholder: (mark: TemplateMark) => string
): FilledTemplate {
  const missing: TemplateMark[] = []
  const lines = template.split('\n').flatMap((line) => {
    const marks = [...line.matchAll(MARK)].map((match) => match[1])
    for (const mark of marks) {
      if (!isTemplateMark(mark)) throw new Error(`Unknown legal template mark {{ ${mark} }}`)
    }
    if (marks.some((mark) => values[mark as TemplateMark] === null)) return []
    return [
      line.replace(MARK, (_, name: TemplateMark) => {
        const value = values[name]
        if (typeof value === 'string') return isLink(name, value) ? value : escapeMarkdown(value)
        if (!missing.includes(name)) missing.push(name)
        return placeholder(name)
      }),
    ]
  })
  return { body: lines.join('\n'), missing }
}

/**
 * Mentions of the EU online dispute resolution platform, closed on 20 July
 * 2025 (M-03): a legal text must no longer link to it or name it.
 */
const ODR_MENTION =
  /ec\.europa\.eu\/consumers\/odr|plateforme (européenne )?de (règlement|résolution) en ligne des litiges|online dispute resolution/i

export function mentionsOdrPlatform(text: string): boolean {
  return ODR_MENTION.test(text)
}
