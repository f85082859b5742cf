/**
 * Text normalisation shared by slugs and search: lower case, no accents,
 * words of letters and digits.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
}

export function words(text: string): string[] {
  return foldText(text).match(/[a-z0-9]+/g) ?? []
}

/**
 * "Sabot cuir « Étienne » 39" → "sabot-cuir-etienne-39".
 */
export function slugify(text: string, maxLength = 180): string {
  return words(text).join('-').slice(0, maxLength).replace(/-+$/, '')
}
