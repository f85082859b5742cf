import { DateTime } from 'luxon'
import type { PlaceStock } from '@comptoir/contracts/catalog_stock'
import type { CartSnapshot } from '@comptoir/contracts/commerce'
import { postcodePoint } from '#src/distance'
import type { Interval, OpeningHours } from '#src/opening_hours'
import type { PickupStore } from '#src/store_selection'

/** Monday to Saturday, 10:00 to 19:00. */
export const SHOP_HOURS: OpeningHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [['10:00', '19:00']] as Interval[]])
)

/** A store at its postcode's département point unless told otherwise. */
export function pickupStore(
  id: number,
  code: string,
  postcode: string,
  overrides: Partial<PickupStore> = {}
): PickupStore {
  return {
    id,
    code,
    name: `Boutique ${code}`,
    address: { countryCode: 'FR', postalCode: postcode, city: code, lines: ['1 place du Marché'] },
    point: postcodePoint(postcode),
    hours: SHOP_HOURS,
    preparationHours: 2,
    slotMinutes: 30,
    slotCapacity: 4,
    ...overrides,
  }
}

/** `quantity` units of a variant in a place, with an optional safety threshold. */
export function level(
  placeId: number,
  variantId: number,
  quantity: number,
  safetyThreshold = 0
): PlaceStock {
  return { placeId, variantId, quantity, safetyThreshold }
}

/** A cart of [variantId, quantity] lines at 10 € a unit. */
export function cartOf(lines: [variantId: number, quantity: number][]): CartSnapshot {
  const units = lines.reduce((sum, [, quantity]) => sum + quantity, 0)
  return {
    currency: 'EUR',
    locale: 'fr',
    subtotal: { amount: units * 1000, currency: 'EUR' },
    lines: lines.map(([variantId, quantity]) => ({
      variantId,
      productId: variantId,
      sku: `SKU-${variantId}`,
      name: `Article ${variantId}`,
      quantity,
      unitPrice: { amount: 1000, currency: 'EUR' },
      unitWeightGrams: 500,
    })),
  }
}

/** A Paris wall-clock time as a Date, whatever the machine's zone: paris('2026-11-23T10:00'). */
export function paris(isoLocal: string) {
  return DateTime.fromISO(isoLocal, { zone: 'Europe/Paris' }).toJSDate()
}
