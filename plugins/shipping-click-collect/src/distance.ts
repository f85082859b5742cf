import { DEPARTEMENT_POINTS } from '#src/departements'

/**
 * How far a shopper is from a store, offline and without geolocation: the
 * shopper gives a French postcode, which names a département; the shopper is
 * placed at that département's reference point (its préfecture), and the
 * distance to each store is the great-circle distance from there. Stores sit
 * at the coordinates the merchant entered, or at their own postcode's
 * département point when left empty. Close enough to rank stores a few dozen
 * kilometres apart or more; two stores in the shopper's own département are
 * told apart by exact postcode first (see `store_selection.ts`).
 */

export interface GeoPoint {
  readonly latitude: number
  readonly longitude: number
}

/** Postcodes are compared without spaces ("69 002" is "69002"). */
export function normalizePostcode(text: string) {
  return text.replace(/\s+/g, '').toUpperCase()
}

/** A French postcode: five digits. */
export function isFrenchPostcode(text: string) {
  return /^\d{5}$/.test(normalizePostcode(text))
}

/**
 * The département a French postcode belongs to: its first two digits, 2A
 * (Corse-du-Sud, 200xx and 201xx) or 2B (Haute-Corse, 202xx to 206xx) for
 * Corsica, three digits overseas (97x, 98x); null when the postcode is not
 * five digits or names no known département.
 */
export function departementOf(postcode: string): string | null {
  const code = normalizePostcode(postcode)
  if (!isFrenchPostcode(code)) return null
  let key = code.slice(0, 2)
  if (key === '97' || key === '98') key = code.slice(0, 3)
  else if (key === '20') key = Number(code.slice(2, 3)) < 2 ? '2A' : '2B'
  return key in DEPARTEMENT_POINTS ? key : null
}

/** The reference point of a postcode's département, or null for an unknown postcode. */
export function postcodePoint(postcode: string): GeoPoint | null {
  const key = departementOf(postcode)
  if (!key) return null
  const [latitude, longitude] = DEPARTEMENT_POINTS[key]
  return { latitude, longitude }
}

const EARTH_RADIUS_KM = 6371.0088

/** The great-circle distance between two points, in kilometres (haversine). */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180
  const dLat = radians(b.latitude - a.latitude)
  const dLon = radians(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}
