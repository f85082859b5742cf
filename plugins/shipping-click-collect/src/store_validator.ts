import vine, { errors } from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { departementOf } from '#src/distance'
import {
  type OpeningHours,
  WEEKDAYS,
  type Weekday,
  parseDayHours,
  toMinutes,
} from '#src/opening_hours'
import type { StoreInput } from '#src/store_directory'

/**
 * The admin form of a store's details: field names, text formats (hours typed
 * "9h30-12h30, 14h-19h", coordinates "45,7640" or "45.7640"), and the rules
 * between fields. Messages come in the admin's language.
 */

export const HOURS_FIELDS = WEEKDAYS.map((day) => `hours_${day}` as const)

export const STORE_FIELDS = [
  'address_line1',
  'address_line2',
  'postcode',
  'city',
  'latitude',
  'longitude',
  ...HOURS_FIELDS,
  'preparation_hours',
  'slot_minutes',
  'slot_capacity',
] as const

export type StoreField = (typeof STORE_FIELDS)[number]

export interface StoreError {
  field: StoreField
  rule: string
  message: string
}

export type StoreValidation =
  { valid: true; store: StoreInput } | { valid: false; errors: StoreError[] }

const DECIMAL_DEGREES = /^-?\d{1,3}(?:[.,]\d{1,8})?$/
const degrees = () =>
  vine
    .string()
    .trim()
    .regex(DECIMAL_DEGREES)
    .transform((value) => Number(value.replace(',', '.')))
    .optional()
const hours = () => vine.string().trim().maxLength(200).optional()

const storeSchema = vine.create({
  address_line1: vine.string().trim().maxLength(120),
  address_line2: vine.string().trim().maxLength(120).optional(),
  postcode: vine
    .string()
    .trim()
    .regex(/^\d{5}$/),
  city: vine.string().trim().maxLength(80),
  latitude: degrees(),
  longitude: degrees(),
  hours_mon: hours(),
  hours_tue: hours(),
  hours_wed: hours(),
  hours_thu: hours(),
  hours_fri: hours(),
  hours_sat: hours(),
  hours_sun: hours(),
  // Up to a month: a store supplied from elsewhere may need days.
  preparation_hours: vine.number().withoutDecimals().range([0, 720]),
  slot_minutes: vine.number().withoutDecimals().range([5, 240]),
  slot_capacity: vine.number().withoutDecimals().range([1, 1000]),
})

const PREFIX = 'shipping-click-collect.validator'

/** Validates raw form values (strings; empty means absent). */
export async function validateStore(
  raw: Record<string, unknown>,
  i18n: I18n
): Promise<StoreValidation> {
  const data = Object.fromEntries(
    STORE_FIELDS.map((field) => [field, raw[field] === '' ? undefined : (raw[field] ?? undefined)])
  )
  let values: Awaited<ReturnType<typeof storeSchema.validate>>
  try {
    values = await storeSchema.validate(data, {
      messagesProvider: i18n.createMessagesProvider(PREFIX),
    })
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    return { valid: false, errors: error.messages as StoreError[] }
  }

  const problems: { field: StoreField; rule: string }[] = []
  const openingHours: OpeningHours = {}
  for (const day of WEEKDAYS) {
    const parsed = parseDayHours(values[`hours_${day}`] ?? '')
    if (parsed.valid) {
      if (parsed.intervals.length) openingHours[day as Weekday] = parsed.intervals
    } else {
      problems.push({ field: `hours_${day}`, rule: `hours_${parsed.problem}` })
    }
  }
  const store: StoreInput = {
    addressLine1: values.address_line1,
    addressLine2: values.address_line2 ?? null,
    postcode: values.postcode,
    city: values.city,
    latitude: values.latitude ?? null,
    longitude: values.longitude ?? null,
    openingHours,
    preparationHours: values.preparation_hours,
    slotMinutes: values.slot_minutes,
    slotCapacity: values.slot_capacity,
  }
  // Hours rules between days wait until every day reads.
  problems.push(...crossFieldProblems(store, { checkHours: !problems.length }))
  if (!problems.length) return { valid: true, store }
  return {
    valid: false,
    errors: problems.map(({ field, rule }) => ({
      field,
      rule,
      message: i18n.t(`${PREFIX}.messages.${rule}`, {
        field: i18n.t(`${PREFIX}.fields.${field}`),
      }),
    })),
  }
}

/** Rules between fields, once each field is well formed. */
export function crossFieldProblems(
  store: StoreInput,
  { checkHours }: { checkHours: boolean }
): { field: StoreField; rule: string }[] {
  const problems: { field: StoreField; rule: string }[] = []
  if (!departementOf(store.postcode)) problems.push({ field: 'postcode', rule: 'unknownPostcode' })
  if ((store.latitude === null) !== (store.longitude === null)) {
    problems.push({
      field: store.latitude === null ? 'latitude' : 'longitude',
      rule: 'coordinatesPair',
    })
  }
  if (store.latitude !== null && Math.abs(store.latitude) > 90) {
    problems.push({ field: 'latitude', rule: 'latitudeRange' })
  }
  if (store.longitude !== null && Math.abs(store.longitude) > 180) {
    problems.push({ field: 'longitude', rule: 'longitudeRange' })
  }
  if (!checkHours) return problems
  const intervals = WEEKDAYS.flatMap((day) => store.openingHours[day] ?? [])
  if (!intervals.length) {
    problems.push({ field: 'hours_mon', rule: 'noOpening' })
  } else if (
    !intervals.some(([open, close]) => toMinutes(close) - toMinutes(open) >= store.slotMinutes)
  ) {
    problems.push({ field: 'slot_minutes', rule: 'slotTooLong' })
  }
  return problems
}
