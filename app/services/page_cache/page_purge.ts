import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import PageCache from '#services/page_cache/page_cache'
import {
  CATALOG_LISTINGS,
  EVERY_PAGE,
  categoryTags,
  productTags,
} from '#services/page_cache/page_tags'
import { categoriesWithAncestors } from '#support/category_ancestry'
import { type LocationStock, shopperStock, shopperStockDiffers } from '#domain/stock_status'
import type { CoreEvents } from '@comptoir/contracts/plugin_manifest'

const PRODUCTS_PURGED_ONE_BY_ONE = 500

/** Tags waiting for their transaction to commit, purged once per transaction. */
const pending = new WeakMap<TransactionClientContract, Set<string>>()

/**
 * Purges the cached pages a catalog or shop change shows, once the change is
 * committed: purging earlier would let a page rendered from the old rows in
 * between be cached again. A rolled-back change purges nothing.
 */
@inject()
export default class PagePurge {
  constructor(protected pages: PageCache) {}

  /**
   * Pages showing these products: their own pages, the category pages of
   * their categories and those categories' ancestors (listings and facet
   * counts cover the subtree), the home page and search results. Called
   * before a write that may move them out of categories, and after it.
   */
  async products(productIds: readonly number[], client: QueryClientContract = db.connection()) {
    if (productIds.length === 0) return
    // A catalog-wide change (a stock location, an attribute on thousands of products).
    if (productIds.length > PRODUCTS_PURGED_ONE_BY_ONE) return this.everything(client)
    const categories = await categoriesWithAncestors(client, productIds)
    await this.purge(client, [
      ...productTags(productIds),
      ...categoryTags([...categories.values()].flat()),
      CATALOG_LISTINGS,
    ])
  }

  /** Search results and the home page: search synonyms changed. */
  async listings(client: QueryClientContract = db.connection()) {
    await this.purge(client, [CATALOG_LISTINGS])
  }

  /**
   * A committed stock change purges the product's pages only when a shopper
   * would read something else there ("only 3 left", out of stock): a rush of
   * sales of a well-stocked product leaves its pages cached. Listings are
   * purged too only when the product stops or starts shipping.
   */
  async stockChanged(change: CoreEvents['stock:changed']) {
    const rows = await db
      .from('stock_levels')
      .join('stock_locations', 'stock_locations.id', 'stock_levels.stock_location_id')
      .join('variants', 'variants.id', 'stock_levels.variant_id')
      .where('stock_levels.variant_id', change.variantId)
      .select(
        'variants.product_id',
        'stock_levels.stock_location_id',
        'stock_levels.quantity',
        'stock_levels.safety_threshold',
        'stock_locations.fulfils_online',
        'stock_locations.click_and_collect'
      )
    if (rows.length === 0) return
    const delta = change.quantityAfter - change.quantityBefore
    const levels = (shift: number): LocationStock[] =>
      rows.map((row) => ({
        quantity:
          Number(row.quantity) - (Number(row.stock_location_id) === change.placeId ? shift : 0),
        safetyThreshold: Number(row.safety_threshold),
        fulfilsOnline: Boolean(row.fulfils_online),
        clickAndCollect: Boolean(row.click_and_collect),
      }))
    const [before, after] = [levels(delta), levels(0)]
    if (!shopperStockDiffers(before, after)) return
    const productId = Number(rows[0].product_id)
    // Listings (cards, the "in stock" filter) only tell whether it ships at all.
    const shipsBefore = shopperStock(before).quantity > 0
    if (shipsBefore !== shopperStock(after).quantity > 0) await this.products([productId])
    else await this.pages.purge(productTags([productId]))
  }

  /** Every page: the menu, the shop's settings, legal pages, price rules or plugins changed. */
  async everything(client: QueryClientContract = db.connection()) {
    await this.purge(client, [EVERY_PAGE])
  }

  protected async purge(client: QueryClientContract, tags: string[]) {
    if (!client.isTransaction) return this.pages.purge(tags)
    const trx = client as TransactionClientContract
    const waiting = pending.get(trx)
    if (waiting) {
      for (const tag of tags) waiting.add(tag)
      return
    }
    const collected = new Set(tags)
    pending.set(trx, collected)
    trx.after('commit', () => this.pages.purge([...collected]))
  }
}
