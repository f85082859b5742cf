/**
 * A place that holds stock: the warehouse that ships online orders, or one of
 * the merchant's shops.
 */
export interface StockPlace {
  readonly id: number
  readonly code: string
  readonly name: string
  readonly type: 'warehouse' | 'store'
  /** Whether shoppers may collect orders there. */
  readonly clickAndCollect: boolean
}

/** What one place holds of one variant. */
export interface PlaceStock {
  readonly placeId: number
  readonly variantId: number
  readonly quantity: number
  /** At or under it, the shopper is told "only a few left". */
  readonly safetyThreshold: number
}

/**
 * Read access to the core's stock per location, for plugins (click & collect
 * shows and checks what each shop holds). Writes stay with the core's stock
 * service; a plugin learns of changes through the `stock:changed` event.
 */
export abstract class CatalogStock {
  abstract places(): Promise<StockPlace[]>

  /** Stock of these variants in every place that holds a level for them. */
  abstract levels(variantIds: readonly number[]): Promise<PlaceStock[]>
}
