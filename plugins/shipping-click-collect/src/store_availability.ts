import { type PickupSlot, type SlotBooking, pickupSlots } from '#src/pickup_slots'
import StoreDirectory from '#src/store_directory'
import {
  type Origin,
  type PickupStore,
  type StoreAvailability,
  storesHolding,
  variantAvailability,
} from '#src/store_selection'

/** Days of pickup slots shown on a store's page, today included. */
export const SLOT_DAYS = 7

/**
 * What shoppers see of the stores before checkout: on the product page, how
 * many stores hold a variant; on the plugin's pages, each store's stock of it
 * and its pickup slots. Two or three queries each.
 */
export default class StoreAvailabilityService {
  constructor(protected stores = new StoreDirectory()) {}

  /** How many stores hold the variant, or null when no store is set up for click & collect. */
  async storeCount(variantId: number): Promise<number | null> {
    const stores = await this.stores.pickupStores()
    if (!stores.length) return null
    return storesHolding(stores, await this.stores.levels([variantId]), variantId)
  }

  /**
   * The variant in the stores nearest the shopper, at most `limit`; null when
   * no location holds any stock level for it (an unknown variant).
   */
  async forVariant(
    variantId: number,
    origin: Origin | null,
    now: Date,
    limit: number
  ): Promise<StoreAvailability[] | null> {
    const [stores, levels] = await Promise.all([
      this.stores.pickupStores(),
      this.stores.levels([variantId]),
    ])
    if (!levels.length) return null
    return variantAvailability(stores, levels, variantId, origin, now).slice(0, limit)
  }

  /** A store and its pickup slots for the coming days, or null for an unknown store. */
  async storeWithSlots(
    code: string,
    now: Date
  ): Promise<{ store: PickupStore; slots: PickupSlot[] } | null> {
    const stores = await this.stores.pickupStores()
    const store = stores.find((candidate) => candidate.code === code)
    if (!store) return null
    // No order books a slot yet: the checkout will pass its bookings here.
    const bookings: SlotBooking[] = []
    return { store, slots: pickupSlots(store, bookings, now, SLOT_DAYS) }
  }
}
