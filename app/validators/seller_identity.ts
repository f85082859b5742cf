import vine from '@vinejs/vine'
import { Money } from '#domain/money'
import { euroAmount } from '#validators/rules'
import {
  LEGAL_FORMS,
  SELLER_COUNTRIES,
  compactIdentifier,
  isCompanyForm,
  isValidSiren,
  isValidSiret,
  passesLuhn,
  vatNumberProblem,
  type LegalForm,
  type SellerIdentity,
} from '#domain/seller_identity'

const COMPANY_FORMS = (Object.keys(LEGAL_FORMS) as LegalForm[]).filter(isCompanyForm)

/**
 * SIREN and SIRET: the right number of digits first, then the checksum, each
 * with its own message (a missing digit and a typo are fixed differently).
 */
const siren = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const digits = compactIdentifier(value)
  if (!/^\d{9}$/.test(digits)) return field.report('Not a SIREN', 'siren', field)
  if (!isValidSiren(digits)) field.report('SIREN checksum', 'luhn', field)
})

const siret = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const digits = compactIdentifier(value)
  if (!/^\d{14}$/.test(digits)) return field.report('Not a SIRET', 'siret', field)
  if (!isValidSiret(digits)) return field.report('SIRET checksum', 'luhn', field)
  const ownSiren = field.parent.siren
  if (typeof ownSiren === 'string' && !digits.startsWith(compactIdentifier(ownSiren))) {
    field.report('SIRET of another SIREN', 'siretSiren', field)
  }
})

const vatNumber = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const ownSiren =
    typeof field.parent.siren === 'string' ? compactIdentifier(field.parent.siren) : ''
  const problem = vatNumberProblem(compactIdentifier(value), ownSiren)
  // Against an invalid SIREN the SIREN field already reports; the key stays checked.
  if (problem === 'siren_mismatch' && !passesLuhn(ownSiren)) return
  if (problem) field.report('VAT number', `vat.${problem}`, field)
})

/**
 * "5 digits" for France; other countries' postcodes vary too much to check.
 */
const postalCode = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (field.parent.country === 'FR' && !/^\d{5}$/.test(value)) {
    field.report('French postal code', 'postalCodeFr', field)
  }
})

const text = (max: number) => vine.string().trim().maxLength(max)
const phone = () =>
  vine
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 .()-]{5,22}$/)

export const sellerIdentityValidator = vine.create({
  companyName: text(120).minLength(2),
  legalForm: vine.enum(Object.keys(LEGAL_FORMS) as LegalForm[]),
  addressLine1: text(120),
  addressLine2: text(120).optional(),
  postalCode: text(16).use(postalCode()),
  city: text(80),
  country: vine.enum(SELLER_COUNTRIES),
  siren: text(20).use(siren()),
  siret: text(24).use(siret()),
  rcsCity: text(80).optional().requiredWhen('legalForm', 'in', COMPANY_FORMS),
  vatNumber: text(24).use(vatNumber()).optional(),
  shareCapital: text(24)
    .use(euroAmount())
    .optional()
    .requiredWhen('legalForm', 'in', COMPANY_FORMS),
  email: text(254).email(),
  phone: phone(),
  publicationDirector: text(120).minLength(2),
  hostName: text(120).minLength(2),
  hostAddress: text(255).minLength(5),
  hostPhone: phone(),
  mediatorName: text(160).minLength(2),
  mediatorWebsite: text(255).url({ require_protocol: true, protocols: ['https', 'http'] }),
})

export type SellerIdentityInput = Awaited<ReturnType<typeof sellerIdentityValidator.validate>>

/**
 * The validated form as the stored identity: identifiers compacted, the share
 * capital in cents, and no capital or RCS city for an individual entrepreneur.
 */
export function toSellerIdentity(input: SellerIdentityInput): SellerIdentity {
  const company = isCompanyForm(input.legalForm)
  const capital = company && input.shareCapital ? Money.parse(input.shareCapital, 'EUR') : null
  return {
    companyName: input.companyName,
    legalForm: input.legalForm,
    address: {
      lines: [input.addressLine1, input.addressLine2].filter((line): line is string => !!line),
      postalCode: input.postalCode,
      city: input.city,
      country: input.country,
    },
    siren: compactIdentifier(input.siren),
    siret: compactIdentifier(input.siret),
    rcsCity: company ? (input.rcsCity ?? null) : null,
    vatNumber: input.vatNumber ? compactIdentifier(input.vatNumber) : null,
    shareCapital: capital ? { amount: capital.amount, currency: capital.currency } : null,
    email: input.email,
    phone: input.phone,
    publicationDirector: input.publicationDirector,
    host: { name: input.hostName, address: input.hostAddress, phone: input.hostPhone },
    mediator: { name: input.mediatorName, website: input.mediatorWebsite },
  }
}
