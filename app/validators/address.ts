import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { Infer } from '@vinejs/vine/types'
import { ADDRESS_COUNTRIES, isAddressCountry } from '#domain/countries'
import { POSTAL_CODE_MAX_LENGTH, checkPostalCode } from '#domain/postal_codes'
import { translatedMessages } from '#validators/translated_messages'

/**
 * The postal code in its country's format, stored the way its post writes it.
 * Reads the country typed next to it (the raw value: siblings are not
 * normalised yet); with no valid country, that field reports instead.
 */
const postalCodeForCountry = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const country = String(field.parent?.countryCode ?? '').toUpperCase()
  if (!isAddressCountry(country)) return
  const check = checkPostalCode(country, value)
  if (check.valid) {
    field.mutate(check.postalCode, field)
  } else {
    field.report('Invalid postal code', 'postalCode', field, { country, example: check.example })
  }
})

const text = (max: number) => vine.string().trim().minLength(1).maxLength(max)

export const phoneRule = () =>
  vine
    .string()
    .trim()
    .maxLength(32)
    .regex(/^\+?[0-9][0-9 .()-]{5,30}$/)

/**
 * The fields of a postal address, for a form of its own or for a form that
 * holds more (the address book adds default flags to them).
 */
export const addressFields = {
  firstName: text(80),
  lastName: text(80),
  company: vine.string().trim().maxLength(120).optional(),
  addressLine1: text(120),
  addressLine2: vine.string().trim().maxLength(120).optional(),
  countryCode: vine.enum(ADDRESS_COUNTRIES),
  postalCode: text(POSTAL_CODE_MAX_LENGTH).use(postalCodeForCountry()),
  city: text(80),
  phone: phoneRule().optional(),
}

/**
 * One postal address, delivery or billing alike. Checkout nests it:
 * `vine.create({ delivery: addressSchema, billing: addressSchema.clone() })`,
 * and validates with `addressMessages(i18n, 'checkout.validator')`.
 */
export const addressSchema = vine.object(addressFields)

export type AddressInput = Infer<typeof addressSchema>

/** Where the address messages and field names are translated. */
export const ADDRESS_MESSAGES = 'account.validator'

/**
 * Translated messages for the address fields ("Code postal invalide pour la
 * France"), after the caller's own prefixes and before the shared ones.
 */
export function addressMessages(i18n: I18n, ...ownPrefixes: string[]) {
  return translatedMessages(i18n, ...ownPrefixes, ADDRESS_MESSAGES)
}

/** An address-book entry: an address, and whether it is a default. */
export const addressBookEntryValidator = vine.create({
  ...addressFields,
  isDefaultDelivery: vine.boolean().optional(),
  isDefaultBilling: vine.boolean().optional(),
})
