import app from '@adonisjs/core/services/app'
import { CatalogStock, type StockPlace } from '@comptoir/contracts/catalog_stock'
import { postcodePoint } from '#src/distance'
import StoreDetails from '#src/store_details'
import type { PickupStore } from '#src/store_selection'
import type { OpeningHours } from '#src/opening_hours'

/** A core location open to click & collect, with its details here (null until entered). */
export interface CollectLocation {
  place: StockPlace
  details: StoreDetails | null
}

/** What the merchant enters for a store (see `store_validator.ts`). */
export interface StoreInput {
  addressLine1: string
  addressLine2: string | null
  postcode: string
  city: string
  latitude: number | null
  longitude: number | null
  openingHours: OpeningHours
  preparationHours: number
  slotMinutes: number
  slotCapacity: number
}

/**
 * The stores of click & collect: the core's stock locations of type "store"
 * open to click & collect (read through `CatalogStock`), each with the
 * details kept in this plugin's table. Writes touch that table only.
 */
export default class StoreDirectory {
  constructor(protected stock?: CatalogStock) {}

  /** Every click & collect location in the merchant's order, entered or not. */
  async locations(): Promise<CollectLocation[]> {
    const [places, rows] = await Promise.all([this.collectPlaces(), StoreDetails.all()])
    const details = new Map(rows.map((row) => [row.stockLocationId, row]))
    return places.map((place) => ({ place, details: details.get(place.id) ?? null }))
  }

  async location(id: number): Promise<CollectLocation | null> {
    const places = await this.collectPlaces()
    const place = places.find((candidate) => candidate.id === id)
    return place ? { place, details: await StoreDetails.find(id) } : null
  }

  /**
   * The stores shoppers may collect from: click & collect locations whose
   * details have been entered (a store without an address or hours is not
   * proposed), in the merchant's order.
   */
  async pickupStores(): Promise<PickupStore[]> {
    const locations = await this.locations()
    return locations.flatMap(({ place, details }) =>
      details ? [toPickupStore(place, details)] : []
    )
  }

  /** Stock of these variants in every location. */
  async levels(variantIds: readonly number[]) {
    const stock = await this.catalogStock()
    return stock.levels(variantIds)
  }

  /** Enters or replaces a location's details. */
  async save(stockLocationId: number, input: StoreInput) {
    return StoreDetails.updateOrCreate({ stockLocationId }, { stockLocationId, ...input })
  }

  private async collectPlaces() {
    const stock = await this.catalogStock()
    const places = await stock.places()
    return places.filter((place) => place.type === 'store' && place.clickAndCollect)
  }

  private async catalogStock() {
    this.stock ??= await app.container.make(CatalogStock)
    return this.stock
  }
}

export function toPickupStore(place: StockPlace, details: StoreDetails): PickupStore {
  const entered = details.latitude !== null && details.longitude !== null
  return {
    id: place.id,
    code: place.code,
    name: place.name,
    address: {
      countryCode: 'FR',
      postalCode: details.postcode,
      city: details.city,
      lines: [details.addressLine1, details.addressLine2].filter((line): line is string => !!line),
    },
    point: entered
      ? { latitude: details.latitude!, longitude: details.longitude! }
      : postcodePoint(details.postcode),
    hours: details.openingHours,
    preparationHours: details.preparationHours,
    slotMinutes: details.slotMinutes,
    slotCapacity: details.slotCapacity,
  }
}
