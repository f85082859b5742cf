/**
 * BIC (ISO 9362): 4 letters for the bank, 2 for the country, 2 letters or
 * digits for the location, and optionally 3 for the branch ("BNPAFRPP",
 * "BNPAFRPPXXX").
 */
const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/

/** Upper case without spaces, the form to store. */
export function normalizeBic(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

export function isValidBic(input: string): boolean {
  return BIC.test(normalizeBic(input))
}
