import type { Address } from '@comptoir/contracts/commerce'
import type { PlaceStock } from '@comptoir/contracts/catalog_stock'
import { type GeoPoint, greatCircleKm, normalizePostcode, postcodePoint } from '#src/distance'
import { type OpeningHours, readyAt } from '#src/opening_hours'

/**
 * Which stores can hand over a cart, and in what order they are proposed:
 * the rules of click & collect, free of any framework.
 *
 * - A store can serve a cart only when it holds, by itself, every line's
 *   quantity (lines of the same variant added up). Nothing is reserved yet
 *   (there are no orders), so what a store can hand over is its quantity on
 *   hand; the safety threshold does not hold any back: it only turns "in
 *   stock" into "only a few left" in messages.
 * - Stores are ranked for a shopper's postcode: a store with exactly that
 *   postcode first, then by distance (see `distance.ts`), then in the
 *   merchant's order of locations. Without a usable postcode, the merchant's
 *   order alone.
 * - The proposals are the stores that can serve the cart, in that order: the
 *   first is the nearest store with everything; when the nearest store lacks
 *   an item, the next nearest that has everything at once comes first. Each
 *   comes with its ready date (`opening_hours.ts`).
 */

/** A click & collect store: a core stock location with the details the merchant entered here. */
export interface PickupStore {
  /** The core's stock location id. */
  readonly id: number
  readonly code: string
  readonly name: string
  readonly address: Address
  /** Where it is: entered by the merchant, or its postcode's département point; null if unknown. */
  readonly point: GeoPoint | null
  readonly hours: OpeningHours
  readonly preparationHours: number
  readonly slotMinutes: number
  readonly slotCapacity: number
}

/** Where the shopper is, as far as a postcode tells. */
export interface Origin {
  readonly postcode: string
  readonly point: GeoPoint | null
}

/** The shopper's origin from a postcode, or null without one. */
export function originOf(postcode: string | null | undefined): Origin | null {
  if (!postcode?.trim()) return null
  const normalized = normalizePostcode(postcode)
  return { postcode: normalized, point: postcodePoint(normalized) }
}

export interface RankedStore {
  readonly store: PickupStore
  /** Whole kilometres, null when the shopper's or the store's position is unknown. */
  readonly distanceKm: number | null
}

/** Every store, the nearest to the shopper first (see the rules above). */
export function rankStores(stores: readonly PickupStore[], origin: Origin | null): RankedStore[] {
  const measured = stores.map((store, index) => {
    const exact = origin !== null && normalizePostcode(store.address.postalCode) === origin.postcode
    const km = origin?.point && store.point ? greatCircleKm(origin.point, store.point) : null
    return { store, index, exact, km }
  })
  measured.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY) ||
      a.index - b.index
  )
  return measured.map(({ store, km }) => ({
    store,
    distanceKm: km === null ? null : Math.round(km),
  }))
}

/** Units wanted per variant, lines of the same variant added up. */
export function cartNeeds(
  lines: readonly { variantId: number; quantity: number }[]
): Map<number, number> {
  const needs = new Map<number, number>()
  for (const line of lines) {
    if (line.quantity > 0)
      needs.set(line.variantId, (needs.get(line.variantId) ?? 0) + line.quantity)
  }
  return needs
}

export interface MissingItem {
  readonly variantId: number
  readonly needed: number
  /** What the store holds of it, 0 when it has no stock level for it. */
  readonly available: number
}

/** What a store lacks to hand over these needs alone: nothing when it holds it all. */
export function missingAt(
  storeId: number,
  needs: ReadonlyMap<number, number>,
  levels: readonly PlaceStock[]
): MissingItem[] {
  const missing: MissingItem[] = []
  for (const [variantId, needed] of needs) {
    const level = levels.find((row) => row.placeId === storeId && row.variantId === variantId)
    const available = Math.max(0, level?.quantity ?? 0)
    if (available < needed) missing.push({ variantId, needed, available })
  }
  return missing
}

export interface PickupProposal extends RankedStore {
  readonly readyAt: Date
}

export interface StoreShortfall extends RankedStore {
  readonly missing: MissingItem[]
}

export interface CartPickup {
  /** The stores holding the whole cart, nearest first. */
  readonly proposals: PickupProposal[]
  /** The stores lacking something, nearest first, with what they lack. */
  readonly shortfalls: StoreShortfall[]
}

/**
 * Where a cart can be collected, for a shopper at `origin`, ordering at `now`.
 * An empty cart is collected nowhere. A store that opens at no time in the
 * coming days is left out of both lists.
 */
export function pickupForCart(
  stores: readonly PickupStore[],
  levels: readonly PlaceStock[],
  lines: readonly { variantId: number; quantity: number }[],
  origin: Origin | null,
  now: Date
): CartPickup {
  const needs = cartNeeds(lines)
  const proposals: PickupProposal[] = []
  const shortfalls: StoreShortfall[] = []
  if (!needs.size) return { proposals, shortfalls }
  for (const ranked of rankStores(stores, origin)) {
    const ready = readyAt(ranked.store, now)
    if (!ready) continue
    const missing = missingAt(ranked.store.id, needs, levels)
    if (missing.length) shortfalls.push({ ...ranked, missing })
    else proposals.push({ ...ranked, readyAt: ready })
  }
  return { proposals, shortfalls }
}

export type StockStatus = 'in_stock' | 'low_stock' | 'out_of_stock'

/** What shoppers are told of a store's stock: "only a few left" at or under the threshold. */
export function stockStatus(quantity: number, safetyThreshold: number): StockStatus {
  if (quantity <= 0) return 'out_of_stock'
  if (quantity <= safetyThreshold) return 'low_stock'
  return 'in_stock'
}

export interface StoreAvailability extends RankedStore {
  readonly status: StockStatus
  /** When one unit would be ready there, null when out of stock or never open. */
  readonly readyAt: Date | null
}

/** One variant in every store, the nearest to the shopper first. */
export function variantAvailability(
  stores: readonly PickupStore[],
  levels: readonly PlaceStock[],
  variantId: number,
  origin: Origin | null,
  now: Date
): StoreAvailability[] {
  return rankStores(stores, origin).map((ranked) => {
    const level = levels.find(
      (row) => row.placeId === ranked.store.id && row.variantId === variantId
    )
    const status = stockStatus(level?.quantity ?? 0, level?.safetyThreshold ?? 0)
    return {
      ...ranked,
      status,
      readyAt: status === 'out_of_stock' ? null : readyAt(ranked.store, now),
    }
  })
}

/** How many stores hold at least one unit of a variant. */
export function storesHolding(
  stores: readonly PickupStore[],
  levels: readonly PlaceStock[],
  variantId: number
): number {
  return stores.filter((store) =>
    levels.some(
      (row) => row.placeId === store.id && row.variantId === variantId && row.quantity > 0
    )
  ).length
}
