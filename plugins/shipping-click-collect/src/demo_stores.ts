import type { Interval } from '#src/opening_hours'
import type StoreDirectory from '#src/store_directory'
import type { StoreInput } from '#src/store_directory'

/**
 * The demo shop's boutiques (the core's demo seed creates the locations
 * "lyon", "annecy" and "besancon"), with believable addresses and hours.
 */
const MORNING_AND_AFTERNOON: Interval[] = [
  ['09:30', '12:30'],
  ['14:00', '19:00'],
]

export const DEMO_STORES: Record<string, StoreInput> = {
  lyon: {
    addressLine1: '12 rue Mercière',
    addressLine2: null,
    postcode: '69002',
    city: 'Lyon',
    latitude: 45.7622,
    longitude: 4.8318,
    openingHours: {
      mon: [['14:00', '19:00']],
      tue: [['10:00', '19:00']],
      wed: [['10:00', '19:00']],
      thu: [['10:00', '19:00']],
      fri: [['10:00', '19:00']],
      sat: [['10:00', '19:30']],
    },
    preparationHours: 2,
    slotMinutes: 30,
    slotCapacity: 4,
  },
  annecy: {
    addressLine1: '7 rue Sainte-Claire',
    addressLine2: 'Vieille ville',
    postcode: '74000',
    city: 'Annecy',
    latitude: 45.8986,
    longitude: 6.1237,
    openingHours: {
      tue: MORNING_AND_AFTERNOON,
      wed: MORNING_AND_AFTERNOON,
      thu: MORNING_AND_AFTERNOON,
      fri: MORNING_AND_AFTERNOON,
      sat: MORNING_AND_AFTERNOON,
      sun: [['10:00', '12:30']],
    },
    preparationHours: 3,
    slotMinutes: 30,
    slotCapacity: 3,
  },
  besancon: {
    addressLine1: '48 Grande Rue',
    addressLine2: null,
    postcode: '25000',
    city: 'Besançon',
    latitude: 47.2372,
    longitude: 6.0233,
    openingHours: {
      tue: MORNING_AND_AFTERNOON,
      wed: MORNING_AND_AFTERNOON,
      thu: MORNING_AND_AFTERNOON,
      fri: MORNING_AND_AFTERNOON,
      sat: [['09:30', '18:00']],
    },
    // Next to the workshop in Morez: a day to bring what the shelves lack.
    preparationHours: 24,
    slotMinutes: 60,
    slotCapacity: 6,
  },
}

/**
 * Enters the demo details of the demo stores not entered yet: a second run,
 * or a store the merchant already filled, is left as it is.
 */
export async function seedDemoStores(stores: StoreDirectory) {
  for (const { place, details } of await stores.locations()) {
    const demo = DEMO_STORES[place.code]
    if (demo && !details) await stores.save(place.id, demo)
  }
}
