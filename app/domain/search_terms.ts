import { foldText, words } from '#domain/text_normalization'

/**
 * How the built-in search engine turns text into terms, identically when it
 * indexes products and when it reads a shopper's query: accents and case
 * folded, short stop words dropped, words stemmed so singular and plural meet
 * (French and English): "Sabots en cuir" and "sabot cuir" both give "sabot"
 * and "cuir".
 */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'au',
  'aux',
  'avec',
  'de',
  'des',
  'du',
  'en',
  'et',
  'for',
  'la',
  'le',
  'les',
  'of',
  'on',
  'or',
  'par',
  'pour',
  'sur',
  'the',
  'to',
  'un',
  'une',
  'with',
])

const MAX_TERM_LENGTH = 64

/**
 * A light stem shared by a word and its plural, in French and English: the
 * plural ending goes, then a final "e", so "galoches", "galoche" → "galoch",
 * "chevaux", "cheval" → "cheval", "boxes", "box" → "box", "berries" → "berry".
 * Stems are only compared with each other, never shown.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d+$/.test(word)) return word
  if (word.endsWith('aux') && word.length > 4) return `${word.slice(0, -3)}al`
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (/(ss|us|is)$/.test(word)) return word
  let stemmed = word.endsWith('s') || word.endsWith('x') ? word.slice(0, -1) : word
  if (stemmed.endsWith('e') && stemmed.length > 3) stemmed = stemmed.slice(0, -1)
  return stemmed
}

export function searchTerms(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map((word) => stem(word).slice(0, MAX_TERM_LENGTH))
}

/**
 * A SKU is searched whole as well as word by word: "SAB-39-NOIR" is found by
 * "sab-39-noir" and by "sab".
 */
export function skuTerms(sku: string): string[] {
  const whole = foldText(sku)
    .replace(/[^a-z0-9]/g, '')
    .slice(0, MAX_TERM_LENGTH)
  return [...new Set([whole, ...words(sku).map(stem)])].filter(Boolean)
}

/**
 * Edit distance, for "did you mean" suggestions when nothing matches.
 */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]
      previous[j] = Math.min(
        previous[j] + 1,
        previous[j - 1] + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
      diagonal = above
    }
  }
  return previous[b.length]
}
