/**
 * IBAN rules (ISO 13616): normalising what a merchant types, checking the
 * country length and the mod-97 check digits, and grouping for display.
 */

/**
 * IBAN lengths of the countries of the SEPA scheme (EU, EEA, Switzerland, the
 * United Kingdom, the microstates, and the Balkan members), from the SWIFT IBAN
 * registry. French overseas departments use FR IBANs.
 */
export const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AL: 28,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
}

export type IbanProblem = 'format' | 'country' | 'length' | 'checksum'

export type IbanCheck = { valid: true; iban: string } | { valid: false; problem: IbanProblem }

/** Upper case without spaces: "fr76 3000 6000 …" becomes "FR7630006000…". */
export function normalizeIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/**
 * Checks an IBAN as typed. A valid one comes back normalised, the form to
 * store; an invalid one says what is wrong, for a precise message.
 */
export function checkIban(input: string): IbanCheck {
  const iban = normalizeIban(input)
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return { valid: false, problem: 'format' }
  const length = SEPA_IBAN_LENGTHS[iban.slice(0, 2)]
  // A SEPA transfer in euros can only reach an account in the SEPA area.
  if (length === undefined) return { valid: false, problem: 'country' }
  if (iban.length !== length) return { valid: false, problem: 'length' }
  // Check digits run from 02 to 98; 00, 01 and 99 are never issued.
  const checkDigits = Number(iban.slice(2, 4))
  if (checkDigits < 2 || checkDigits > 98 || mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) {
    return { valid: false, problem: 'checksum' }
  }
  return { valid: true, iban }
}

/** Groups of four for reading aloud and copying: "FR76 3000 6000 0112 3456 7890 189". */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, '$1 ')
}

/**
 * The remainder of the number spelt by the IBAN (letters count A = 10 … Z = 35)
 * divided by 97, digit by digit so it never leaves safe integers.
 */
function mod97(value: string): number {
  let remainder = 0
  for (const char of value) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55)
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97
  }
  return remainder
}
