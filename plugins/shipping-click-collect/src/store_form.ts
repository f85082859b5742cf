import { WEEKDAYS, formatDayHours } from '#src/opening_hours'
import type StoreDetails from '#src/store_details'
import type { StoreField } from '#src/store_validator'

export type StoreFormValues = Partial<Record<StoreField, string>>

/** The starting values of a store not entered yet. */
const NEW_STORE: StoreFormValues = {
  preparation_hours: '2',
  slot_minutes: '30',
  slot_capacity: '4',
}

/** A store's details as the admin form shows them, coordinates as the merchant types them. */
export function storeFormValues(
  details: StoreDetails | null,
  locale: 'fr' | 'en'
): StoreFormValues {
  if (!details) return NEW_STORE
  const degrees = (value: number | null) =>
    value === null ? '' : locale === 'fr' ? String(value).replace('.', ',') : String(value)
  return {
    address_line1: details.addressLine1,
    address_line2: details.addressLine2 ?? '',
    postcode: details.postcode,
    city: details.city,
    latitude: degrees(details.latitude),
    longitude: degrees(details.longitude),
    ...Object.fromEntries(
      WEEKDAYS.map((day) => [`hours_${day}`, formatDayHours(details.openingHours[day])])
    ),
    preparation_hours: String(details.preparationHours),
    slot_minutes: String(details.slotMinutes),
    slot_capacity: String(details.slotCapacity),
  }
}
