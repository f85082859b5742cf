/**
 * Countries an address may be in: the European Union, plus Switzerland, the
 * United Kingdom and Monaco. Codes are ISO 3166-1 alpha-2 (Greece is GR, not
 * the EU's "EL"); names come from the runtime's CLDR data in the shopper's
 * language.
 */
export const EU_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const

export const ADDRESS_COUNTRIES = [...EU_COUNTRIES, 'CH', 'GB', 'MC'] as const

export type AddressCountry = (typeof ADDRESS_COUNTRIES)[number]

export function isAddressCountry(code: unknown): code is AddressCountry {
  return ADDRESS_COUNTRIES.includes(code as AddressCountry)
}

export function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
}

/** Countries for a select (the address countries by default), sorted by name in the language. */
export function countryOptions<Code extends string = AddressCountry>(
  locale: string,
  codes: readonly Code[] = ADDRESS_COUNTRIES as readonly string[] as readonly Code[]
): { value: Code; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' })
  const collator = new Intl.Collator(locale)
  return codes
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.label, b.label))
}
