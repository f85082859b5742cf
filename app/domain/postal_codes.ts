/**
 * Postal code formats of the countries we deliver to, checked wherever an
 * address is typed (address book, checkout). Lenient on spacing and case,
 * strict on the format: the code is stored in the form the country's post
 * uses ("1012ab" → "1012 AB"), so labels and carriers get it right.
 * Countries without a rule here only need a code.
 */

interface PostalCodeFormat {
  /** Matches the normalised code. */
  pattern: RegExp
  /** A real code, shown in the error message. */
  example: string
  /** From the code without spaces, upper-cased, to the form the post uses. */
  normalize?: (compact: string) => string
}

function fourDigits(example: string, normalize?: PostalCodeFormat['normalize']) {
  return { pattern: /^[1-9]\d{3}$/, example, normalize }
}

const FORMATS: Record<string, PostalCodeFormat> = {
  // Departments 01 to 95 (Corsica's codes are 20xxx: "2A"/"2B" are INSEE
  // codes, not postal ones), overseas 97xxx and 98xxx; 980xx is Monaco's,
  // whose addresses have MC as their country.
  FR: { pattern: /^(?!980)(?:0[1-9]|[1-8]\d|9[0-5]|97|98)\d{3}$/, example: '75001' },
  MC: { pattern: /^980\d{2}$/, example: '98000' },
  BE: fourDigits('1000'),
  DE: { pattern: /^(?!00)\d{5}$/, example: '10115' },
  // Provinces 01 to 52.
  ES: { pattern: /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/, example: '28001' },
  IT: { pattern: /^\d{5}$/, example: '00184' },
  // Often written "L-1234".
  LU: fourDigits('1009', (code) => code.replace(/^L-?/, '')),
  NL: {
    pattern: /^[1-9]\d{3} [A-Z]{2}$/,
    example: '1012 AB',
    normalize: (code) => code.replace(/^(\d{4})([A-Z]{2})$/, '$1 $2'),
  },
  CH: fourDigits('1201', (code) => code.replace(/^CH-?/, '')),
  PT: {
    pattern: /^[1-9]\d{3}-\d{3}$/,
    example: '1100-148',
    normalize: (code) => code.replace(/^(\d{4})(\d{3})$/, '$1-$2'),
  },
  AT: fourDigits('1010'),
  // Outward code (area, district), a space, inward code (sector, unit).
  GB: {
    pattern: /^(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|GIR 0AA)$/,
    example: 'SW1A 1AA',
    normalize: (code) => code.replace(/^([A-Z\d]{2,4})(\d[A-Z]{2})$/, '$1 $2'),
  },
}

/** Longest code we store, whatever the country. */
export const POSTAL_CODE_MAX_LENGTH = 16

export type PostalCodeCheck =
  { valid: true; postalCode: string } | { valid: false; example: string | null }

/**
 * Checks a postal code typed for a country (ISO 3166-1 alpha-2) and returns
 * it as it should be stored.
 */
export function checkPostalCode(countryCode: string, typed: string): PostalCodeCheck {
  const format = FORMATS[countryCode.toUpperCase()]
  if (!format) {
    const postalCode = typed.trim().replace(/\s+/g, ' ')
    return postalCode && postalCode.length <= POSTAL_CODE_MAX_LENGTH
      ? { valid: true, postalCode }
      : { valid: false, example: null }
  }
  const compact = typed.replace(/\s+/g, '').toUpperCase()
  const postalCode = format.normalize ? format.normalize(compact) : compact
  return format.pattern.test(postalCode)
    ? { valid: true, postalCode }
    : { valid: false, example: format.example }
}

/** Whether the country's codes have a format we check. */
export function hasPostalCodeFormat(countryCode: string): boolean {
  return countryCode.toUpperCase() in FORMATS
}
