import { EU_COUNTRIES } from '#domain/countries'
/**
 * Who sells: the identity printed on invoices (I-02), in the mentions légales
 * (M-01), the CGV and order confirmations (P-01, M-02). Checks here are pure:
 * no framework, no I/O.
 */

/**
 * Legal forms a French merchant commonly trades under. Companies have a share
 * capital and an RCS registration; individual entrepreneurs have neither.
 */
export const LEGAL_FORMS = {
  'SAS': { company: true },
  'SASU': { company: true },
  'SARL': { company: true },
  'EURL': { company: true },
  'SA': { company: true },
  'SNC': { company: true },
  'EI': { company: false },
  'micro-entreprise': { company: false },
} as const satisfies Record<string, { company: boolean }>

export type LegalForm = keyof typeof LEGAL_FORMS

export function isCompanyForm(form: LegalForm): boolean {
  return LEGAL_FORMS[form].company
}

/** Where the seller may be established: the EU Member States. */
export const SELLER_COUNTRIES = EU_COUNTRIES

/**
 * The seller as every legal document and invoice names it. Identifiers are
 * stored without spaces; amounts in integer minor units.
 */
export interface SellerIdentity {
  companyName: string
  legalForm: LegalForm
  address: {
    lines: string[]
    postalCode: string
    city: string
    /** ISO 3166-1 alpha-2, "FR". */
    country: string
  }
  /** 9 digits. */
  siren: string
  /** 14 digits, starting with the SIREN (the establishment selling online). */
  siret: string
  /** City of the RCS registry, "Lyon" for "RCS Lyon 123 456 782"; null when not registered there. */
  rcsCity: string | null
  /** Intra-EU VAT number, "FR11123456782"; null for a seller without one (VAT franchise). */
  vatNumber: string | null
  shareCapital: { amount: number; currency: string } | null
  email: string
  phone: string
  publicationDirector: string
  host: { name: string; address: string; phone: string }
  mediator: { name: string; website: string }
}

/**
 * Removes the spaces, dots and dashes people type inside identifiers, and
 * upper-cases letters: " fr 11 123.456.782 " → "FR11123456782".
 */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.\-\u00a0\u202f]/g, '').toUpperCase()
}

/**
 * The Luhn checksum (ISO/IEC 7812-1) that SIREN and SIRET numbers carry.
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && passesLuhn(siren)
}

/**
 * La Poste has one SIREN for thousands of establishments, more than Luhn leaves
 * room for: INSEE checks its SIRETs by a digit sum divisible by 5 instead.
 */
const LA_POSTE_SIREN = '356000000'

export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret) || !isValidSiren(siret.slice(0, 9))) return false
  if (siret.startsWith(LA_POSTE_SIREN) && !passesLuhn(siret)) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0)
    return sum % 5 === 0
  }
  return passesLuhn(siret)
}

/**
 * The 2-digit key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97.
 */
export function frenchVatKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0')
}

export function frenchVatNumber(siren: string): string {
  return `FR${frenchVatKey(siren)}${siren}`
}

/**
 * Prefixes of VIES, the EU VAT register (Greece is EL; XI is Northern Ireland).
 */
const EU_VAT_PREFIXES = new Set(
  'AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI'.split(' ')
)

export type VatNumberProblem = 'format' | 'key' | 'siren_mismatch'

/**
 * Checks an intra-EU VAT number (compacted). A French one must be FR + the key
 * + the seller's own SIREN; other Member States' numbers are checked for shape
 * only, as their checksums differ per State.
 */
export function vatNumberProblem(vatNumber: string, siren: string): VatNumberProblem | null {
  const prefix = vatNumber.slice(0, 2)
  if (!EU_VAT_PREFIXES.has(prefix) || !/^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(vatNumber)) {
    return 'format'
  }
  if (prefix !== 'FR') return null
  if (!/^FR\d{11}$/.test(vatNumber)) return 'format'
  const vatSiren = vatNumber.slice(4)
  if (vatNumber.slice(2, 4) !== frenchVatKey(vatSiren)) return 'key'
  return vatSiren === siren ? null : 'siren_mismatch'
}

/**
 * "123456782" → "123 456 782", as the RCS and invoices print it.
 */
export function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3')
}

/**
 * "12345678200002" → "123 456 782 00002".
 */
export function formatSiret(siret: string): string {
  return siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4')
}
